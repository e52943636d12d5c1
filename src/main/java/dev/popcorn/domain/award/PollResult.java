package dev.popcorn.domain.award;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tally of a poll. Only active candidates count: the ballots of a disqualified candidate are
 * set aside, and the result says so ({@link #setAside}) wherever it is shown, so that the ballots
 * cast, those counted and those set aside always add up. Candidates with the same number of votes
 * share a rank (1, 1, 3 …). Candidates at rank 1 with at least one vote are the winners: several
 * of them share the award, unless the {@link TieRule} names a tie-break whose scores (higher
 * wins) single one out; the others of the tie then rank second. The order is deterministic:
 * votes, then tie-break score, then candidate id.
 */
public record PollResult(List<Place> standings, long ballots, TieRule rule, boolean tieBroken,
        List<SetAside> setAside) {

    /**
     * A candidate taken out of the poll after it opened, with the ballots cast for it that no longer count:
     * every disqualified candidate (with its reason, votes or not), and a withdrawn one that had votes.
     */
    public record SetAside(Candidate candidate, long votes) {
    }

    public PollResult {
        standings = List.copyOf(standings);
        setAside = List.copyOf(setAside);
    }

    /** Every ballot cast in the poll: those counted and those set aside. */
    public long cast() {
        return ballots + setAsideVotes();
    }

    /** The ballots cast for candidates taken out of the poll. */
    public long setAsideVotes() {
        return setAside.stream().mapToLong(SetAside::votes).sum();
    }

    /**
     * Whether every candidate set aside was disqualified, none withdrawn (true when none is set aside): a text
     * about the ballots set aside may then call their projects disqualified.
     */
    public boolean onlyDisqualified() {
        return setAside.stream().allMatch(a -> a.candidate().status() == CandidateStatus.DISQUALIFIED);
    }

    /** The result under the shared-award rule. */
    public static PollResult of(List<Candidate> candidates, Map<Long, Long> votesByCandidate) {
        return of(candidates, votesByCandidate, TieRule.SHARED, Map.of());
    }

    /**
     * The result under {@code rule}; {@code tieScores} holds the tie-break score of (at least) the
     * candidates tied for the most votes, and is ignored under {@link TieRule#SHARED}.
     */
    public static PollResult of(List<Candidate> candidates, Map<Long, Long> votesByCandidate, TieRule rule,
            Map<Long, Long> tieScores) {
        Comparator<Candidate> byVotes = Comparator.comparingLong(c -> -votesByCandidate.getOrDefault(c.id(), 0L));
        Comparator<Candidate> byScore = rule == TieRule.SHARED ? (a, b) -> 0
                : Comparator.comparingLong(c -> -tieScores.getOrDefault(c.id(), Long.MIN_VALUE + 1));
        List<Candidate> active = candidates.stream()
                .filter(Candidate::isActive)
                .sorted(byVotes.thenComparing(byScore).thenComparingLong(Candidate::id))
                .toList();
        long total = active.stream().mapToLong(c -> votesByCandidate.getOrDefault(c.id(), 0L)).sum();
        long top = active.isEmpty() ? 0 : votesByCandidate.getOrDefault(active.get(0).id(), 0L);
        List<Candidate> tied = active.stream().filter(c -> votesByCandidate.getOrDefault(c.id(), 0L) == top).toList();
        boolean broken = rule != TieRule.SHARED && top > 0 && tied.size() > 1
                && score(tieScores, tied.get(0)) > score(tieScores, tied.get(1));
        List<Place> standings = new ArrayList<>();
        long previousVotes = -1;
        int rank = 0;
        for (int i = 0; i < active.size(); i++) {
            Candidate candidate = active.get(i);
            long votes = votesByCandidate.getOrDefault(candidate.id(), 0L);
            if (votes != previousVotes) {
                rank = i + 1;
                previousVotes = votes;
            }
            int shown = broken && i > 0 && votes == top ? 2 : rank;
            long next = i + 1 < active.size() ? votesByCandidate.getOrDefault(active.get(i + 1).id(), 0L) : 0;
            standings.add(new Place(candidate, votes, shown, total == 0 ? 0 : (double) votes / total, votes - next));
        }
        List<SetAside> setAside = candidates.stream()
                .filter(c -> c.status() == CandidateStatus.DISQUALIFIED
                        || !c.isActive() && votesByCandidate.getOrDefault(c.id(), 0L) > 0)
                .sorted(byVotes.thenComparingLong(Candidate::id))
                .map(c -> new SetAside(c, votesByCandidate.getOrDefault(c.id(), 0L)))
                .toList();
        return new PollResult(standings, total, rule, broken, setAside);
    }

    private static long score(Map<Long, Long> scores, Candidate candidate) {
        return scores.getOrDefault(candidate.id(), Long.MIN_VALUE + 1);
    }

    public List<Place> winners() {
        return standings.stream().filter(s -> s.rank() == 1 && s.votes() > 0).toList();
    }

    /** True when several candidates share the award. */
    public boolean isTie() {
        return winners().size() > 1;
    }

    /** True when the most votes were tied, whether the rule shared the award or broke the tie. */
    public boolean topTied() {
        return isTie() || tieBroken;
    }

    /** The candidates tied for the most votes, before any tie-break. */
    public List<Long> tiedForMostVotes() {
        if (standings.isEmpty() || standings.get(0).votes() == 0) {
            return List.of();
        }
        long top = standings.get(0).votes();
        return standings.stream().filter(s -> s.votes() == top).map(s -> s.candidate().id()).toList();
    }

    /** Votes between the winner and the runner-up; 0 on a tie or without votes. */
    public long margin() {
        return standings.isEmpty() ? 0 : standings.get(0).margin();
    }
}
