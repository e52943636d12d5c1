package dev.popcorn.app.award;

import dev.popcorn.domain.award.Ballot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ballots: one per user and poll, counted by aggregation in the store. */
public interface BallotStore {

    /**
     * Stores the ballot, replacing the user's earlier one in the same poll, with no points, no rule and no audit: for
     * seeding a week (the demo, tests) only. A fan's ballot goes through {@code CastBallot} and the group commit.
     */
    void put(Ballot ballot);

    /**
     * {@link #put} of many ballots in one multi-row statement (a group commit's batch); of two ballots
     * of one voter in the same poll, the later in the list stays.
     */
    void putAll(List<Ballot> ballots);

    Optional<Ballot> find(long pollId, String userId);

    /** Votes per candidate id, counted where the ballots are. */
    Map<Long, Long> tally(long pollId);

    /** {@link #tally} of several polls at once, by poll id (a poll without ballots maps to an empty count). One query. */
    Map<Long, Map<Long, Long>> tallies(Collection<Long> pollIds);

    /**
     * For each of {@code candidateIds}: when it got its {@code n}-th ballot (ballots ordered by the
     * time they were cast, then by user), counted in the store. Candidates with fewer ballots are absent.
     */
    Map<Long, Instant> reachedAt(long pollId, List<Long> candidateIds, long n);
}
