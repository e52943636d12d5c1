package dev.popcorn.memory;

import dev.popcorn.app.award.BallotStore;
import dev.popcorn.domain.award.Ballot;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ballots in memory, one per user and poll; a second replaces the first. */
final class MemoryBallots implements BallotStore {

    record Key(long poll, String user) {
    }

    private final MemoryDb db;
    private final Map<Key, Ballot> ballots;

    MemoryBallots(MemoryDb db) {
        this.db = db;
        this.ballots = db.table();
    }

    @Override
    public void put(Ballot ballot) {
        db.run(() -> ballots.put(new Key(ballot.pollId(), ballot.userId()), ballot));
    }

    @Override
    public void putAll(List<Ballot> all) {
        db.run(() -> all.forEach(this::put));
    }

    @Override
    public Optional<Ballot> find(long pollId, String userId) {
        return db.with(() -> Optional.ofNullable(ballots.get(new Key(pollId, userId))));
    }

    @Override
    public Map<Long, Long> tally(long pollId) {
        return tallies(List.of(pollId)).get(pollId);
    }

    @Override
    public Map<Long, Map<Long, Long>> tallies(Collection<Long> pollIds) {
        return db.with(() -> {
            Map<Long, Map<Long, Long>> tallies = new HashMap<>();
            pollIds.forEach(id -> tallies.put(id, new HashMap<>()));
            ballots.values().stream().filter(b -> pollIds.contains(b.pollId()))
                    .forEach(b -> tallies.get(b.pollId()).merge(b.candidateId(), 1L, Long::sum));
            return tallies;
        });
    }

    @Override
    public Map<Long, Instant> reachedAt(long pollId, List<Long> candidateIds, long n) {
        return db.with(() -> {
            Map<Long, Instant> reached = new HashMap<>();
            for (long candidate : candidateIds) {
                ballots.values().stream().filter(b -> b.pollId() == pollId && b.candidateId() == candidate)
                        .sorted(Comparator.comparing(Ballot::castAt).thenComparing(Ballot::userId))
                        .skip(n - 1).findFirst().ifPresent(b -> reached.put(candidate, b.castAt()));
            }
            return reached;
        });
    }
}
