package dev.popcorn.app;

import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.Candidate;
import dev.popcorn.domain.CandidateStatus;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollResult;
import dev.popcorn.domain.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The lead's side of the award poll: prepare candidates, open and close the poll, review the
 * result and approve it. Every decision lands in the audit log in the same transaction.
 */
public final class ManagePoll {

    private final Transactions transactions;
    private final PollStore polls;
    private final BallotStore ballots;
    private final TeamStore teams;
    private final AuditLog audit;
    private final Clock clock;

    public ManagePoll(Transactions transactions, PollStore polls, BallotStore ballots, TeamStore teams,
            AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.polls = polls;
        this.ballots = ballots;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    public Candidate addCandidate(long pollId, String teamSlug, String title, List<String> tickets, String pitch,
            String actor) {
        Poll poll = poll(pollId);
        poll.checkCandidatesEditable();
        if (teams.find(teamSlug).isEmpty()) {
            throw RuleViolation.invalid("candidate.team.unknown", teamSlug);
        }
        new Candidate(0, pollId, teamSlug, title, tickets, pitch, CandidateStatus.ACTIVE, "");
        return transactions.inTransaction(() -> {
            Candidate candidate = polls.addCandidate(pollId, teamSlug, title, tickets, pitch);
            log(actor, "candidate.add", poll, title + " (" + teamSlug + ")");
            return candidate;
        });
    }

    public void withdrawCandidate(long pollId, long candidateId, String actor) {
        Poll poll = poll(pollId);
        poll.checkCandidatesEditable();
        Candidate candidate = poll.candidate(candidateId)
                .orElseThrow(() -> RuleViolation.notFound("candidate.unknown", candidateId));
        transactions.inTransaction(() -> {
            polls.updateCandidate(candidate.withStatus(CandidateStatus.WITHDRAWN, ""));
            log(actor, "candidate.withdraw", poll, candidate.title());
            return null;
        });
    }

    public Poll open(long pollId, String actor) {
        Poll opened = poll(pollId).open(clock.instant());
        return save(opened, actor, "poll.open", "closes " + opened.closesAt());
    }

    public Poll close(long pollId, String actor) {
        Poll closed = poll(pollId).close(clock.instant());
        return save(closed, actor, "poll.close", "closed early");
    }

    public Poll approve(long pollId, String actor) {
        Poll poll = poll(pollId);
        Poll approved = poll.approve(clock.instant(), actor);
        PollResult result = result(poll);
        String winners = String.join(", ", result.winners().stream().map(s -> s.candidate().title()).toList());
        return save(approved, actor, "poll.approve", winners.isEmpty() ? "no votes" : "winner: " + winners);
    }

    /** The tally of a poll, counted in the store. */
    public PollResult result(long pollId) {
        return result(poll(pollId));
    }

    private PollResult result(Poll poll) {
        return PollResult.of(poll.candidates(), ballots.tally(poll.id()));
    }

    private Poll poll(long pollId) {
        return polls.find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
    }

    private Poll save(Poll poll, String actor, String action, String detail) {
        return transactions.inTransaction(() -> {
            polls.update(poll);
            log(actor, action, poll, detail);
            return poll;
        });
    }

    private void log(String actor, String action, Poll poll, String detail) {
        Instant now = clock.instant();
        audit.record(new AuditEntry(now, actor, action, "poll:" + poll.id(), detail));
    }
}
