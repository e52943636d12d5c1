package dev.popcorn.app.award;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Place;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The lead's side of the award poll: prepare candidates, open and close the poll early, review
 * the result (disqualify with a reason, edit the announcement) and approve it. Approval freezes
 * the winners and the text and files the announcement in the outbox, in one transaction with
 * the audit log entry, so that one approval is posted once.
 */
public final class ManagePoll {

    /** What one poll needs from the stores. */
    public record Stores(Transactions transactions, PollStore polls, AwardStore awards, TeamStore teams,
            OutboxStore outbox, AuditLog audit) {
    }

    private final Stores stores;
    private final Tally tally;
    private final AnnounceAward announce;
    private final Clock clock;

    public ManagePoll(Stores stores, Tally tally, AnnounceAward announce, Clock clock) {
        this.stores = stores;
        this.tally = tally;
        this.announce = announce;
        this.clock = clock;
    }

    public Candidate addCandidate(long pollId, String teamSlug, String title, List<String> tickets, String pitch,
            String actor) {
        return addCandidate(pollId, teamSlug, title, "", tickets, pitch, "", actor);
    }

    /** A lead adds a candidate, its title and pitch in English and, optionally, in Chinese ({@code titleZh}, {@code pitchZh}). */
    public Candidate addCandidate(long pollId, String teamSlug, String title, String titleZh, List<String> tickets,
            String pitch, String pitchZh, String actor) {
        Poll poll = poll(pollId);
        poll.checkCandidatesEditable();
        if (stores.teams().find(teamSlug).isEmpty()) {
            throw RuleViolation.invalid("candidate.team.unknown", teamSlug);
        }
        Candidate draft = new Candidate(0, pollId, teamSlug, title, titleZh, tickets, pitch, pitchZh,
                CandidateStatus.ACTIVE, "");
        return stores.transactions().inTransaction(() -> {
            Candidate candidate = stores.polls().addCandidate(draft);
            log(entry(actor, "candidate.add", poll, title + " (" + teamSlug + ")"));
            return candidate;
        });
    }

    /** A lead corrects a candidate: its title and pitch (the Chinese ones optional) and tickets. */
    public Candidate editCandidate(long pollId, long candidateId, String title, String titleZh, List<String> tickets,
            String pitch, String pitchZh, String actor) {
        Poll poll = poll(pollId);
        poll.checkCandidatesEditable();
        Candidate edited = candidate(poll, candidateId).edited(title, titleZh, tickets, pitch, pitchZh);
        return stores.transactions().inTransaction(() -> {
            changed(stores.polls().replaceCandidate(candidate(poll, candidateId), edited), poll);
            log(entry(actor, "candidate.edit", poll, edited.title()));
            return edited;
        });
    }

    public void withdrawCandidate(long pollId, long candidateId, String actor) {
        Poll poll = poll(pollId);
        poll.checkCandidatesEditable();
        Candidate candidate = candidate(poll, candidateId);
        if (!candidate.isActive()) {
            throw RuleViolation.conflict("candidate.notActive", candidate.title());
        }
        stores.transactions().inTransaction(() -> {
            changed(stores.polls().replaceCandidate(candidate, candidate.withStatus(CandidateStatus.WITHDRAWN, "")),
                    poll);
            log(entry(actor, "candidate.withdraw", poll, candidate.title()));
            return null;
        });
    }

    /**
     * Takes a candidate out of an open poll or one in review, for a written reason shown wherever the
     * result is; its votes no longer count (its voters are told, and may vote again while the poll is
     * open) and the result is recounted. A text the lead had edited is kept, unless they ask for the
     * template's again ({@code resetAnnouncement}), which names the winners as recounted. The reason may be given in
     * Chinese too ({@code reasonZh}, null or blank for none): Chinese pages show it.
     */
    public PollResult disqualify(long pollId, long candidateId, String reason, String reasonZh,
            boolean resetAnnouncement,
            String actor) {
        Poll poll = poll(pollId);
        Instant now = clock.instant();
        poll.checkDisqualifiable(now);
        Candidate candidate = candidate(poll, candidateId);
        if (!candidate.isActive()) {
            throw RuleViolation.conflict("candidate.notActive", candidate.title());
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("candidate.reason.missing");
        }
        Candidate disqualified = candidate.withStatus(CandidateStatus.DISQUALIFIED, reason.strip(),
                reasonZh == null ? "" : reasonZh.strip());
        return stores.transactions().inTransaction(() -> {
            changed(stores.polls().replaceCandidate(candidate, disqualified), poll);
            boolean reset = resetAnnouncement && !poll.announcement().isEmpty();
            if (reset) {
                changed(stores.polls().replace(poll, poll.withAnnouncement("", now)), poll);
            }
            PollResult recounted = tally.of(stores.polls().find(pollId).orElseThrow());
            log(entry(actor, "candidate.disqualify", poll, candidate.title() + ": " + reason.strip()
                    + " → " + winners(recounted) + (reset ? "; announcement back to the template" : ""))
                    .noted(reset ? "disqualified.reset" : "disqualified", candidate.title(), reason.strip(),
                            winnerTitles(recounted, Locale.ENGLISH), winnerVotes(recounted),
                            candidate.titleFor(Locale.SIMPLIFIED_CHINESE),
                            winnerTitles(recounted, Locale.SIMPLIFIED_CHINESE)));
            return recounted;
        });
    }

    /** The lead's own announcement text; an empty one goes back to the template's. */
    public Poll editAnnouncement(long pollId, String text, String actor) {
        Poll before = poll(pollId);
        Poll edited = before.withAnnouncement(text, clock.instant());
        int length = edited.announcement().codePointCount(0, edited.announcement().length());
        return edited.announcement().isEmpty()
                ? save(before, edited, entry(actor, "announcement.edit", edited, "back to the template")
                        .noted("announcement.template"))
                : save(before, edited, entry(actor, "announcement.edit", edited, length + " characters")
                        .noted("announcement.characters", length));
    }

    public Poll open(long pollId, String actor) {
        Poll before = poll(pollId);
        Poll opened = before.open(clock.instant());
        return save(before, opened, entry(actor, "poll.open", opened, "closes " + opened.closesAt())
                .noted("closes", opened.closesAt()));
    }

    public Poll close(long pollId, String actor) {
        Poll before = poll(pollId);
        Poll closed = before.close(clock.instant());
        return save(before, closed, entry(actor, "poll.close", closed, "closed early").noted("closedEarly"));
    }

    /**
     * Makes the result public: the winners and the announcement text are frozen as they are now
     * and the announcement is filed for every configured channel.
     */
    public Poll approve(long pollId, String actor) {
        return approve(pollId, actor, true, clock.instant());
    }

    /**
     * Approves as a lead did at {@code at}, a moment already past (the demo's weeks, written after the fact): the
     * winners, the frozen text, the announcement's filing and the audit entry all carry that moment.
     */
    public Poll approveAsOf(long pollId, String actor, Instant at) {
        return approve(pollId, actor, true, past(at));
    }

    /**
     * Approves with the announcement text the lead has on screen ({@code null}: the one stored): when it
     * differs from the text that would go out, it is saved first (audited as an edit), so approving never
     * drops an edit the lead did not save.
     */
    public Poll approve(long pollId, String actor, String textOnScreen) {
        if (textOnScreen != null) {
            Poll poll = poll(pollId);
            String onScreen = textOnScreen.replace("\r\n", "\n").strip();
            if (!onScreen.equals(announce.words(poll, tally.of(poll)).replace("\r\n", "\n").strip())) {
                editAnnouncement(pollId, onScreen, actor);
            }
        }
        return approve(pollId, actor);
    }

    /**
     * The announcement as it would go out with {@code words} (a lead's text on screen): the result written in
     * from the tally now, and why approving those words would be refused, if it would.
     */
    public Draft draft(long pollId, String words) {
        Poll poll = poll(pollId);
        PollResult result = tally.of(poll);
        String typed = Poll.announcementText(words);
        String text = typed.isEmpty() ? announce.templateWords(poll, result) : typed;
        RuleViolation refusal = null;
        try {
            announce.check(text, result);
        } catch (RuleViolation e) {
            refusal = e;
        }
        return new Draft(announce.fill(poll, result, text), java.util.Optional.ofNullable(refusal));
    }

    /** An announcement as it would go out, and the reason it could not be approved as it is, if any. */
    public record Draft(String text, java.util.Optional<RuleViolation> refusal) {
    }

    /**
     * Approves a poll of history written after the fact (the demo's earlier weeks): its winners are
     * kept like any, but nothing is announced, since those weeks are long over. Audited as such.
     */
    public Poll approveWithoutAnnouncing(long pollId, String actor) {
        return approve(pollId, actor, false, clock.instant());
    }

    /** {@link #approveWithoutAnnouncing} as a lead did at {@code at}, in that week (see {@link #approveAsOf}). */
    public Poll approveWithoutAnnouncing(long pollId, String actor, Instant at) {
        return approve(pollId, actor, false, past(at));
    }

    private Instant past(Instant at) {
        if (at.isAfter(clock.instant())) {
            throw new IllegalArgumentException(
                    "an approval written after the fact cannot be dated in the future: " + at);
        }
        return at;
    }

    private Poll approve(long pollId, String actor, boolean announcing, Instant now) {
        Poll reviewed = poll(pollId);
        try {
            return approveOnce(reviewed, actor, announcing, now);
        } catch (RuleViolation e) {
            if (!"poll.changedMeanwhile".equals(e.code())) {
                throw e;
            }
            // The schedule recorded the close a moment before (it writes closedAt and nothing else): approve the poll
            // as it is now, if nothing the lead reviewed changed. Anything else changed meanwhile stays a 409.
            Poll latest = poll(pollId);
            if (!latest.announcement().equals(reviewed.announcement())
                    || !latest.candidates().equals(reviewed.candidates())) {
                throw e;
            }
            return approveOnce(latest, actor, announcing, now);
        }
    }

    private Poll approveOnce(Poll poll, String actor, boolean announcing, Instant now) {
        long pollId = poll.id();
        poll.approve(now, actor);
        PollResult result = tally.of(poll);
        // The words may not contradict the result as counted now (a disqualification since they were written).
        announce.check(announce.words(poll, result), result);
        Poll frozen = poll.approve(now, actor, announce.text(poll, result));
        return stores.transactions().inTransaction(() -> {
            changed(stores.polls().replace(poll, frozen), poll);
            stores.awards().record(result.winners().stream()
                    .map(s -> new AwardStore.Award(pollId, s.candidate().id(), s.candidate().teamSlug(), s.votes(),
                            now))
                    .toList());
            if (announcing && !result.winners().isEmpty()) {
                for (String kind : announce.channels()) {
                    stores.outbox().enqueue(kind, String.valueOf(pollId), now);
                }
            }
            log(new AuditEntry(now, actor, announcing ? "poll.approve" : "poll.approve.history", "poll:" + pollId,
                    winners(result))
                    .noted("winners", winnerTitles(result, Locale.ENGLISH), winnerVotes(result),
                            winnerTitles(result, Locale.SIMPLIFIED_CHINESE)));
            return frozen;
        });
    }

    /** The tally of a poll, counted in the store. */
    public PollResult result(long pollId) {
        return tally.of(poll(pollId));
    }

    private static String winners(PollResult result) {
        List<Place> winners = result.winners();
        return winners.isEmpty() ? "no votes"
                : "winner: " + String.join(", ",
                        winners.stream().map(s -> s.candidate().title() + " (" + s.votes() + ")").toList());
    }

    /** Refuses (and so rolls back) a write that found the poll already changed by someone else. */
    private static void changed(boolean written, Poll poll) {
        if (!written) {
            throw RuleViolation.conflict("poll.changedMeanwhile", poll.title());
        }
    }

    private static Candidate candidate(Poll poll, long candidateId) {
        return poll.candidate(candidateId).orElseThrow(() -> RuleViolation.notFound("candidate.unknown", candidateId));
    }

    private Poll poll(long pollId) {
        return stores.polls().find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
    }

    /**
     * A lead's change, written only over the poll as it was read: of two leads (or two clicks)
     * acting at once, one succeeds and the other is told the poll changed (409), with no audit entry.
     */
    private Poll save(Poll before, Poll poll, AuditEntry entry) {
        return stores.transactions().inTransaction(() -> {
            changed(stores.polls().replace(before, poll), poll);
            log(entry);
            return poll;
        });
    }

    private AuditEntry entry(String actor, String action, Poll poll, String detail) {
        return new AuditEntry(clock.instant(), actor, action, "poll:" + poll.id(), detail);
    }

    private void log(AuditEntry entry) {
        stores.audit().record(entry);
    }

    /** The winners' titles as readers of {@code language} read them, for the audit note. */
    private static String winnerTitles(PollResult result, Locale language) {
        return String.join(", ", result.winners().stream().map(s -> s.candidate().titleFor(language)).toList());
    }

    private static long winnerVotes(PollResult result) {
        return result.winners().isEmpty() ? 0 : result.winners().get(0).votes();
    }
}
