package dev.popcorn.store;

import dev.popcorn.app.award.BallotStore;
import dev.popcorn.domain.award.Ballot;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class JdbcBallots implements BallotStore {

    private final Db db;

    JdbcBallots(Db db) {
        this.db = db;
    }

    @Override
    public void put(Ballot ballot) {
        // Two first ballots of one voter at once: on H2 the second insert meets the first's uncommitted key and is
        // refused at once rather than waiting; asked again, it finds the row and updates it. (A poll's ballots are
        // written under the poll's lock, so this is for callers of the store alone.)
        db.retryingOnce(() -> db.with(h -> h.createUpdate(db.dialect().upsertBallot())
                .bind("poll", ballot.pollId()).bind("user", ballot.userId()).bind("candidate", ballot.candidateId())
                .bind("at", ballot.castAt()).bind("receipt", ballot.receipt())
                .execute()));
    }

    /** A ballot's key: its voter, then its poll (the order two batches lock rows in). */
    private static final java.util.Comparator<Ballot> BY_KEY = java.util.Comparator.comparing(Ballot::userId)
            .thenComparingLong(Ballot::pollId);

    @Override
    public void putAll(List<Ballot> ballots) {
        // One row per voter (an upsert may not touch a row twice), in key order (two batches lock rows alike).
        Map<Ballot, Ballot> last = new TreeMap<>(BY_KEY);
        ballots.forEach(b -> {
            last.remove(b);
            last.put(b, b);
        });
        db.with(h -> Rows.write(h, db.dialect(), List.copyOf(last.values()), db.dialect()::upsertBallots,
                b -> new Object[] {b.pollId(), b.userId(), b.candidateId(), b.castAt(), b.receipt()}));
    }

    @Override
    public Optional<Ballot> find(long pollId, String userId) {
        return db.with(h -> h.createQuery("SELECT poll_id, user_id, candidate_id, cast_at, receipt FROM ballots"
                + " WHERE poll_id = :p AND user_id = :u")
                .bind("p", pollId).bind("u", userId)
                .map((rs, ctx) -> new Ballot(rs.getLong("poll_id"), rs.getString("user_id"), rs.getLong("candidate_id"),
                        Db.instant(rs, "cast_at"), rs.getString("receipt")))
                .findOne());
    }

    @Override
    public Map<Long, Long> tally(long pollId) {
        Map<Long, Long> votes = new HashMap<>();
        db.with(h -> h
                .createQuery("SELECT candidate_id, COUNT(*) AS n FROM ballots WHERE poll_id = :p GROUP BY candidate_id")
                .bind("p", pollId)
                .map((rs, ctx) -> votes.put(rs.getLong("candidate_id"), rs.getLong("n")))
                .list());
        return votes;
    }

    @Override
    public Map<Long, Map<Long, Long>> tallies(Collection<Long> pollIds) {
        Map<Long, Map<Long, Long>> tallies = new HashMap<>();
        pollIds.forEach(id -> tallies.put(id, new HashMap<>()));
        if (pollIds.isEmpty()) {
            return tallies;
        }
        db.with(h -> h.createQuery("SELECT poll_id, candidate_id, COUNT(*) AS n FROM ballots WHERE poll_id IN (<ids>)"
                + " GROUP BY poll_id, candidate_id")
                .bindList("ids", List.copyOf(pollIds))
                .map((rs, ctx) -> tallies.get(rs.getLong("poll_id")).put(rs.getLong("candidate_id"), rs.getLong("n")))
                .list());
        return tallies;
    }

    @Override
    public Map<Long, Instant> reachedAt(long pollId, List<Long> candidateIds, long n) {
        Map<Long, Instant> reached = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return reached;
        }
        db.with(h -> h.createQuery("SELECT candidate_id, cast_at FROM (SELECT candidate_id, cast_at, ROW_NUMBER()"
                + " OVER (PARTITION BY candidate_id ORDER BY cast_at, user_id) AS position FROM ballots"
                + " WHERE poll_id = :p AND candidate_id IN (<ids>)) ranked WHERE position = :n")
                .bind("p", pollId).bindList("ids", candidateIds).bind("n", n)
                .map((rs, ctx) -> reached.put(rs.getLong("candidate_id"), Db.instant(rs, "cast_at")))
                .list());
        return reached;
    }
}
