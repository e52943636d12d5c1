package dev.popcorn.store;

import dev.popcorn.watch.Readings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the metrics read at a scrape: the outbox's pending and failed tasks by kind (over its index on state), and
 * the polls open now with their ballots (counted over the ballots' index by poll).
 */
final class JdbcReadings implements Readings {

    private final Db db;

    JdbcReadings(Db db) {
        this.db = db;
    }

    @Override
    public List<OutboxKind> outbox() {
        Map<String, OutboxKind> byKind = new LinkedHashMap<>();
        db.with(h -> h.createQuery("SELECT kind, state, COUNT(*) AS n, MIN(COALESCE(first_try_at, due_at)) AS since"
                + " FROM outbox WHERE state IN ('PENDING', 'FAILED') GROUP BY kind, state")
                .map((rs, ctx) -> {
                    String kind = rs.getString("kind");
                    boolean pending = "PENDING".equals(rs.getString("state"));
                    long n = rs.getLong("n");
                    return new OutboxKind(kind, pending ? n : 0, pending ? 0 : n,
                            pending ? Db.instant(rs, "since") : null);
                }).list())
                .forEach(part -> byKind.merge(part.kind(), part,
                        (a, b) -> new OutboxKind(a.kind(), a.pending() + b.pending(),
                                a.failed() + b.failed(),
                                a.oldestPendingSince() != null ? a.oldestPendingSince() : b.oldestPendingSince())));
        return List.copyOf(byKind.values());
    }

    @Override
    public Award award(Instant now) {
        return db.with(h -> {
            long polls = h.createQuery("SELECT COUNT(*) FROM polls WHERE state = 'OPEN' AND closes_at > :now")
                    .bind("now", now).mapTo(Long.class).one();
            long ballots = polls == 0 ? 0
                    : h.createQuery("SELECT COUNT(*) FROM ballots b JOIN polls p ON p.id = b.poll_id"
                            + " WHERE p.state = 'OPEN' AND p.closes_at > :now").bind("now", now).mapTo(Long.class)
                            .one();
            return new Award(polls, ballots);
        });
    }
}
