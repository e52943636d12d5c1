package dev.popcorn.app.award;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Nomination;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.participation.Right;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Fans nominate award candidates, a right of their level (参与感): before the poll opens, a user
 * whose level holds {@link Right#NOMINATE} names a team's project with a title and a pitch; at
 * most {@code limit} of their nominations to one poll wait at a time, and one per team (a repeat is
 * refused, 409, naming the one they made). A lead accepts a nomination, which makes it a candidate
 * through {@link ManagePoll#addCandidate} (the same rules as a lead's own), or declines it with a
 * reason the nominator reads. Every decision is audited; a decided nomination stays decided.
 */
public final class Nominations {

    /** How many of a user's nominations to one poll may wait for a lead at a time. */
    public static final int DEFAULT_LIMIT = 3;

    /** What nominations need from the stores. */
    public record Stores(Transactions transactions, NominationStore nominations, PollStore polls, TeamStore teams,
            AuditLog audit) {
    }

    private final Stores stores;
    private final ManagePoll managePoll;
    private final Rights rights;
    private final int limit;
    private final Clock clock;

    public Nominations(Stores stores, ManagePoll managePoll, Rights rights, int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a user needs room for at least one nomination");
        }
        this.stores = stores;
        this.managePoll = managePoll;
        this.rights = rights;
        this.limit = limit;
        this.clock = clock;
    }

    /** How many of a user's nominations to one poll may wait at a time. */
    public int limit() {
        return limit;
    }

    /**
     * The user nominates a team's project for the poll. Refused when their level does not hold the
     * right (403, naming the level it takes), when the poll has opened (409), when they already
     * nominated this team (409) or have {@code limit} nominations waiting (409), or when the team or
     * the texts are not right (422). Nothing is written when a rule is broken.
     */
    public Nomination nominate(String userId, long pollId, String teamSlug, String title, String pitch) {
        return nominate(userId, pollId, teamSlug, title, "", pitch);
    }

    /** A nomination whose title the fan also gives in English ({@code titleEn}; empty: not), for English readers. */
    public Nomination nominate(String userId, long pollId, String teamSlug, String title, String titleEn,
            String pitch) {
        rights.require(userId, Right.NOMINATE);
        Poll poll = poll(pollId);
        Instant now = clock.instant();
        checkOpenForNominations(poll, now);
        if (teamSlug == null || stores.teams().find(teamSlug).isEmpty()) {
            throw RuleViolation.invalid("candidate.team.unknown", String.valueOf(teamSlug));
        }
        Nomination draft = Nomination.of(pollId, userId, teamSlug, title, titleEn, pitch, now);
        return stores.transactions().inTransaction(() -> {
            // Read again under the poll's row lock: two nominations at once are counted one after the other,
            // and a poll that opened meanwhile takes no more.
            if (!stores.nominations().holdPoll(pollId)) {
                throw RuleViolation.notFound("poll.unknown", pollId);
            }
            checkOpenForNominations(poll(pollId), now);
            List<Nomination> mine = stores.nominations().ofUser(pollId, userId);
            for (Nomination earlier : mine) {
                if (earlier.teamSlug().equals(teamSlug)) {
                    throw RuleViolation.conflict("nomination.repeat", earlier.title());
                }
            }
            if (mine.stream().filter(Nomination::pending).count() >= limit) {
                throw RuleViolation.conflict("nomination.limit", limit);
            }
            Nomination saved = stores.nominations().add(draft);
            stores.audit().record(new AuditEntry(now, userId, "nomination.add", "poll:" + pollId,
                    saved.title() + " (" + teamSlug + ")"));
            return saved;
        });
    }

    /** Every nomination of the poll, for a lead. */
    public List<Nomination> ofPoll(long pollId) {
        poll(pollId);
        return stores.nominations().ofPoll(pollId);
    }

    /** The user's own nominations of the poll and where each stands. */
    public List<Nomination> mine(long pollId, String userId) {
        poll(pollId);
        return stores.nominations().ofUser(pollId, userId);
    }

    /**
     * A lead accepts a pending nomination: it becomes a candidate of the draft poll by the lead's own
     * path (the poll must still be a draft, the team known, the texts a candidate's), and records
     * which. A title also given in English is the candidate's English title, the one written its Chinese
     * title. Deciding a decided nomination is 409; the candidate and the decision are written together.
     */
    public Nomination accept(long nominationId, String lead) {
        return stores.transactions().inTransaction(() -> {
            Nomination nomination = nomination(nominationId);
            nomination.checkPending();
            Candidate candidate = managePoll.addCandidate(nomination.pollId(), nomination.teamSlug(),
                    nomination.candidateTitle(), nomination.candidateTitleZh(), List.of(), nomination.pitch(), "",
                    lead);
            Instant now = clock.instant();
            Nomination accepted = nomination.accepted(candidate.id(), lead, now);
            decided(accepted);
            stores.audit().record(new AuditEntry(now, lead, "nomination.accept", "poll:" + nomination.pollId(),
                    nomination.title() + " (" + nomination.teamSlug() + ") by " + nomination.userId()
                            + " -> candidate " + candidate.id())
                    .noted("nominationAccepted", nomination.title(), nomination.teamSlug(), nomination.userId(),
                            candidate.id()));
            return accepted;
        });
    }

    /** A lead declines a pending nomination with a reason (required), which the nominator reads. 409 once decided. */
    public Nomination decline(long nominationId, String reason, String lead) {
        Nomination nomination = nomination(nominationId);
        Instant now = clock.instant();
        Nomination declined = nomination.declined(reason, lead, now);
        return stores.transactions().inTransaction(() -> {
            decided(declined);
            stores.audit().record(new AuditEntry(now, lead, "nomination.decline", "poll:" + nomination.pollId(),
                    nomination.title() + " (" + nomination.teamSlug() + ") by " + nomination.userId() + ": "
                            + declined.decision())
                    .noted("nominationDeclined", nomination.title(), nomination.teamSlug(), nomination.userId(),
                            declined.decision()));
            return declined;
        });
    }

    /** Whether the poll takes nominations now: a draft whose opening time has not come. */
    public boolean takes(Poll poll) {
        return takes(poll, clock.instant());
    }

    private static boolean takes(Poll poll, Instant now) {
        return poll.state() == PollState.DRAFT && (poll.opensAt() == null || now.isBefore(poll.opensAt()));
    }

    private static void checkOpenForNominations(Poll poll, Instant now) {
        if (!takes(poll, now)) {
            throw RuleViolation.closed("nomination.pollNotDraft", poll.title());
        }
    }

    private void decided(Nomination after) {
        if (!stores.nominations().decide(after)) {
            throw RuleViolation.conflict("nomination.decided", after.title());
        }
    }

    private Nomination nomination(long id) {
        return stores.nominations().find(id).orElseThrow(() -> RuleViolation.notFound("nomination.unknown", id));
    }

    private Poll poll(long pollId) {
        return stores.polls().find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
    }
}
