package dev.popcorn.app.award;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.TieRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a poll where its ballots are: one aggregation per poll, plus one small query for the
 * tie-break when the most votes are tied. No ballot is ever loaded into memory.
 */
public final class Tally {

    private final BallotStore ballots;
    private final ReportStore reports;
    private final TieRule rule;

    public Tally(BallotStore ballots, ReportStore reports, TieRule rule) {
        this.ballots = ballots;
        this.reports = reports;
        this.rule = rule;
    }

    public TieRule rule() {
        return rule;
    }

    public PollResult of(Poll poll) {
        return of(poll, ballots.tally(poll.id()));
    }

    /**
     * The results of several polls, counted in one aggregation; only a named tie-break asks one
     * more small query for each poll whose most votes are tied.
     */
    public Map<Long, PollResult> of(List<Poll> polls) {
        Map<Long, Map<Long, Long>> votes = ballots.tallies(polls.stream().map(Poll::id).toList());
        Map<Long, PollResult> results = new HashMap<>();
        polls.forEach(poll -> results.put(poll.id(), of(poll, votes.get(poll.id()))));
        return results;
    }

    private PollResult of(Poll poll, Map<Long, Long> votes) {
        PollResult shared = PollResult.of(poll.candidates(), votes);
        List<Long> tied = shared.tiedForMostVotes();
        if (rule == TieRule.SHARED || tied.size() < 2) {
            return PollResult.of(poll.candidates(), votes, rule, Map.of());
        }
        return PollResult.of(poll.candidates(), votes, rule, tieScores(poll, tied, shared.standings().get(0).votes()));
    }

    /** Higher is better: likes of the candidate's tickets, or how early it reached the winning count. */
    private Map<Long, Long> tieScores(Poll poll, List<Long> tied, long topVotes) {
        Map<Long, Long> scores = new HashMap<>();
        switch (rule) {
            case MOST_LIKES -> {
                for (long id : tied) {
                    Candidate candidate = poll.candidate(id).orElseThrow();
                    scores.put(id, reports.likes(poll.releaseId(), candidate.tickets()));
                }
            }
            case FIRST_TO_REACH -> {
                Map<Long, Instant> reached = ballots.reachedAt(poll.id(), tied, topVotes);
                reached.forEach((id, at) -> scores.put(id, -at.toEpochMilli()));
            }
            case SHARED -> {
            }
        }
        return scores;
    }
}
