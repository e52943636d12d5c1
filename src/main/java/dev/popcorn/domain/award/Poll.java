package dev.popcorn.domain.award;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The weekly Popcorn Award poll (爆米花奖): the candidates of the week, when it opens and closes,
 * the lead's review and approval. A draft's {@code opensAt} is when the schedule opens it; an
 * open poll's is when it opened. {@code closedAt} is when its close was recorded (the result then
 * waits for review); {@code announcement} is the lead's edited text, empty for the template's.
 * The methods state the rules; they return the changed poll and never change anything when a
 * rule is broken.
 */
public record Poll(
        long id, long releaseId, String title, PollState state, Instant opensAt, Instant closesAt,
        List<Candidate> candidates, Instant approvedAt, String approvedBy, Instant closedAt, String announcement) {

    /** The longest announcement a lead may write. */
    public static final int ANNOUNCEMENT_MAX = 20_000;

    public Poll {
        Text.require(title, "poll.title", 1, 120);
        if (state == PollState.CLOSED) {
            throw new IllegalArgumentException("CLOSED is derived from the closing instant, never stored");
        }
        candidates = List.copyOf(candidates);
        announcement = announcement == null ? "" : announcement;
    }

    /** True when the schedule should open this draft now. */
    public boolean dueToOpen(Instant now) {
        return state == PollState.DRAFT && opensAt != null && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** True when the poll has closed by the clock and its close is not recorded yet. */
    public boolean dueToClose(Instant now) {
        return stateAt(now) == PollState.CLOSED && closedAt == null;
    }

    /** The state as a user sees it at {@code now}. */
    public PollState stateAt(Instant now) {
        if (state == PollState.OPEN && !now.isBefore(closesAt)) {
            return PollState.CLOSED;
        }
        return state;
    }

    public Optional<Candidate> candidate(long candidateId) {
        return candidates.stream().filter(c -> c.id() == candidateId).findFirst();
    }

    public List<Candidate> activeCandidates() {
        return candidates.stream().filter(Candidate::isActive).toList();
    }

    /** Throws unless a ballot for {@code candidateId} may be cast at {@code now}. */
    public void checkBallot(long candidateId, Instant now) {
        switch (stateAt(now)) {
            case DRAFT -> throw RuleViolation.closed("poll.notOpen", title);
            case CLOSED, APPROVED -> throw RuleViolation.closed("poll.closed", title);
            case OPEN -> {
            }
        }
        Candidate candidate = candidate(candidateId)
                .orElseThrow(() -> RuleViolation.invalid("ballot.candidate.unknown", candidateId));
        if (!candidate.isActive()) {
            throw RuleViolation.invalid("ballot.candidate.inactive", candidate.title());
        }
    }

    /** Candidates may be added or withdrawn only before the poll opens. */
    public void checkCandidatesEditable() {
        if (state != PollState.DRAFT) {
            throw RuleViolation.closed("poll.candidates.locked", title);
        }
    }

    public Poll open(Instant now) {
        checkCandidatesEditable();
        if (activeCandidates().size() < 2) {
            throw RuleViolation.invalid("poll.open.tooFewCandidates");
        }
        if (!now.isBefore(closesAt)) {
            throw RuleViolation.invalid("poll.open.afterClose");
        }
        return new Poll(id, releaseId, title, PollState.OPEN, now, closesAt, candidates, null, null, null, "");
    }

    /** Closes the poll early; the result then waits for review. */
    public Poll close(Instant now) {
        if (stateAt(now) != PollState.OPEN) {
            throw RuleViolation.closed("poll.close.notOpen", title);
        }
        return new Poll(id, releaseId, title, state, opensAt, now, candidates, null, null, now, announcement);
    }

    /**
     * Throws unless a candidate may be disqualified now: while the poll is open (its voters may then vote
     * again) or closed and waiting for review; never once the result is approved.
     */
    public void checkDisqualifiable(Instant now) {
        PollState at = stateAt(now);
        if (at != PollState.OPEN && at != PollState.CLOSED) {
            throw RuleViolation.conflict("poll.disqualify.notNow", title);
        }
    }

    /** Throws unless the poll is closed and waits for a lead's review. */
    public void checkInReview(Instant now) {
        if (stateAt(now) != PollState.CLOSED) {
            throw RuleViolation.conflict("poll.review.notClosed", title);
        }
    }

    /** An announcement text as a lead may write it: stripped, empty when blank, refused when too long. */
    public static String announcementText(String text) {
        return Text.optional(text, "poll.announcement", ANNOUNCEMENT_MAX);
    }

    /** The lead's own announcement text; empty goes back to the template's. */
    public Poll withAnnouncement(String text, Instant now) {
        checkInReview(now);
        String edited = announcementText(text);
        return new Poll(id, releaseId, title, state, opensAt, closesAt, candidates, approvedAt, approvedBy, closedAt,
                edited);
    }

    public Poll approve(Instant now, String lead) {
        return approve(now, lead, announcement);
    }

    /** Approves the result with the announcement text that goes out, frozen from now on. */
    public Poll approve(Instant now, String lead, String text) {
        if (stateAt(now) != PollState.CLOSED) {
            throw RuleViolation.conflict("poll.approve.notClosed", title);
        }
        return new Poll(id, releaseId, title, PollState.APPROVED, opensAt, closesAt, candidates, now, lead,
                closedAt == null ? now : closedAt, text);
    }
}
