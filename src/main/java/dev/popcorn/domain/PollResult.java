package dev.popcorn.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tally of a poll. Only active candidates count. Candidates with the same number of votes
 * share a rank (1, 1, 3 …); every candidate at rank 1 with at least one vote is a winner, so a
 * tie is a shared award. The order is deterministic: votes, then candidate id.
 */
public record PollResult(List<Standing> standings, long ballots) {

    public static PollResult of(List<Candidate> candidates, Map<Long, Long> votesByCandidate) {
        List<Candidate> active = candidates.stream()
                .filter(Candidate::isActive)
                .sorted(Comparator.<Candidate>comparingLong(c -> -votesByCandidate.getOrDefault(c.id(), 0L))
                        .thenComparingLong(Candidate::id))
                .toList();
        long total = active.stream().mapToLong(c -> votesByCandidate.getOrDefault(c.id(), 0L)).sum();
        List<Standing> standings = new ArrayList<>();
        long previousVotes = -1;
        int rank = 0;
        for (int i = 0; i < active.size(); i++) {
            Candidate candidate = active.get(i);
            long votes = votesByCandidate.getOrDefault(candidate.id(), 0L);
            if (votes != previousVotes) {
                rank = i + 1;
                previousVotes = votes;
            }
            standings.add(new Standing(candidate, votes, rank, total == 0 ? 0 : (double) votes / total));
        }
        return new PollResult(List.copyOf(standings), total);
    }

    public List<Standing> winners() {
        return standings.stream().filter(s -> s.rank() == 1 && s.votes() > 0).toList();
    }

    public boolean isTie() {
        return winners().size() > 1;
    }

    /** Votes between the winner and the runner-up; 0 on a tie or without votes. */
    public long margin() {
        if (standings.size() < 2) {
            return standings.isEmpty() ? 0 : standings.get(0).votes();
        }
        return standings.get(0).votes() - standings.get(1).votes();
    }
}
