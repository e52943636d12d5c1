package dev.popcorn.store;

import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.StatementContext;

/** The points ledger in {@code participation_events}; sums run over the (user_id, at) index. */
final class JdbcParticipation implements ParticipationStore {

    private static final String COLUMNS = "id, user_id, kind, ref, points, at, reason, revoked_at, revoked_by, revoke_reason";

    private final Db db;

    JdbcParticipation(Db db) {
        this.db = db;
    }

    @Override
    public boolean record(ParticipationEvent event) {
        return db.inTransaction(() -> {
            boolean added = db.with(h -> h.createUpdate(db.dialect().insertEventIfAbsent())
                    .bind("user", event.userId()).bind("kind", event.kind().name()).bind("ref", event.ref())
                    .bind("points", event.points()).bind("at", event.at()).bind("reason", event.reason())
                    .execute()) > 0;
            if (added) {
                JdbcLeaderboards.addToTotal(db, event.userId(), event.points());
            }
            return added;
        });
    }

    @Override
    public long points(String userId) {
        return db.with(h -> h.createQuery("SELECT COALESCE(SUM(points), 0) FROM participation_events"
                + " WHERE user_id = :u AND revoked_at IS NULL")
                .bind("u", userId).mapTo(Long.class).one());
    }

    @Override
    public long points(String userId, Set<ParticipationKind> kinds, Instant from, Instant until) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return db.with(h -> h.createQuery("SELECT COALESCE(SUM(points), 0) FROM participation_events"
                + " WHERE user_id = :u AND at >= :from AND at < :until AND kind IN (<kinds>) AND revoked_at IS NULL")
                .bind("u", userId).bind("from", from).bind("until", until)
                .bindList("kinds", kinds.stream().map(Enum::name).toList())
                .mapTo(Long.class).one());
    }

    @Override
    public Optional<Grant> find(long id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM participation_events WHERE id = :id")
                .bind("id", id).map(JdbcParticipation::grant).findOne());
    }

    @Override
    public Optional<Grant> find(String userId, ParticipationKind kind, String ref) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM participation_events"
                + " WHERE user_id = :u AND kind = :kind AND ref = :ref")
                .bind("u", userId).bind("kind", kind.name()).bind("ref", ref).map(JdbcParticipation::grant).findOne());
    }

    @Override
    public List<Grant> grants(String userId, long beforeId, int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM participation_events"
                + " WHERE user_id = :u AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("u", userId).bind("before", beforeId).bind("limit", limit).map(JdbcParticipation::grant).list());
    }

    @Override
    public void lockUser(String userId) {
        db.with(h -> h.createQuery("SELECT id FROM users WHERE id = :u FOR UPDATE").bind("u", userId)
                .mapTo(String.class).list());
    }

    @Override
    public Set<List<String>> held(ParticipationKind kind, Collection<List<String>> userRefs) {
        Set<List<String>> held = new HashSet<>();
        if (userRefs.isEmpty()) {
            return held;
        }
        Set<List<String>> asked = new HashSet<>(userRefs);
        // The users' grants of the kind, by the primary key (user_id, kind, ref) with the users as an IN list on its first
        // column; the refs are picked here. (Naming the refs in the query too makes H2 scan the key by ref instead.)
        for (List<String> users : Rows.padded(asked.stream().map(k -> k.get(0)).distinct().toList())) {
            db.with(h -> h
                    .createQuery(
                            "SELECT user_id, ref FROM participation_events WHERE user_id IN (<users>) AND kind = :kind")
                    .bind("kind", kind.name()).bindList("users", users)
                    .map((rs, ctx) -> List.of(rs.getString("user_id"), rs.getString("ref")))
                    .list()).stream().filter(asked::contains).forEach(held::add);
        }
        return held;
    }

    @Override
    public void lockUsers(List<String> userIds) {
        for (List<String> users : Rows.padded(userIds)) {
            db.with(h -> h.createQuery("SELECT id FROM users WHERE id IN (<users>) ORDER BY id FOR UPDATE")
                    .bindList("users", users).mapTo(String.class).list());
        }
    }

    @Override
    public Map<String, Long> points(Collection<String> userIds, Set<ParticipationKind> kinds, Instant from,
            Instant until) {
        Map<String, Long> points = new HashMap<>();
        if (userIds.isEmpty() || kinds.isEmpty()) {
            return points;
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            // Each user's sum by the user's own rows: with a list of users PostgreSQL's generic plan walked the time
            // index over every grant of the week (233 ms at 120,000 grants, growing with the surge).
            List<String> kindNames = kinds.stream().map(Enum::name).sorted().toList();
            db.with(h -> h.createQuery("SELECT u.user_id, s.points FROM unnest(:users) AS u(user_id) CROSS JOIN LATERAL"
                    + " (SELECT SUM(e.points) AS points FROM participation_events e WHERE e.user_id = u.user_id"
                    + " AND e.at >= :from AND e.at < :until AND e.kind = ANY(:kinds) AND e.revoked_at IS NULL) s"
                    + " WHERE s.points IS NOT NULL")
                    .bindArray("users", String.class, List.copyOf(userIds)).bind("from", from).bind("until", until)
                    .bindArray("kinds", String.class, kindNames)
                    .map((rs, ctx) -> points.put(rs.getString("user_id"), rs.getLong("points")))
                    .list());
            return points;
        }
        for (List<String> users : Rows.padded(List.copyOf(userIds))) {
            db.with(h -> h.createQuery("SELECT user_id, SUM(points) AS points FROM participation_events"
                    + " WHERE user_id IN (<users>) AND at >= :from AND at < :until AND kind IN (<kinds>)"
                    + " AND revoked_at IS NULL GROUP BY user_id")
                    .bindList("users", users).bind("from", from).bind("until", until)
                    .bindList("kinds", kinds.stream().map(Enum::name).sorted().toList())
                    .map((rs, ctx) -> points.put(rs.getString("user_id"), rs.getLong("points")))
                    .list());
        }
        return points;
    }

    @Override
    public void recordAll(List<ParticipationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.inTransaction(() -> db.with(h -> {
            Rows.write(h, db.dialect(), events,
                    rows -> "INSERT INTO participation_events (user_id, kind, ref, points, at, reason) VALUES "
                            + Rows.values(rows, "(?, ?, ?, ?, ?, ?)"),
                    e -> new Object[] {e.userId(), e.kind().name(), e.ref(), e.points(), e.at(), e.reason()});
            // One row per user and in id order: two batches meeting on the same totals lock them in the same order.
            Map<String, Long> totals = new TreeMap<>();
            events.forEach(e -> totals.merge(e.userId(), (long) e.points(), Long::sum));
            return Rows.write(h, db.dialect(), List.copyOf(totals.entrySet()), db.dialect()::addToTotals,
                    total -> new Object[] {total.getKey(), total.getValue()});
        }));
    }

    @Override
    public boolean revoke(long id, String by, String reason, Instant at) {
        return db.inTransaction(() -> {
            boolean revoked = db.with(h -> h
                    .createUpdate("UPDATE participation_events SET revoked_at = :at, revoked_by = :by,"
                            + " revoke_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                    .bind("id", id).bind("by", by).bind("reason", reason).bind("at", at).execute()) > 0;
            if (revoked) {
                find(id).ifPresent(grant -> JdbcLeaderboards.addToTotal(db, grant.userId(), -grant.points()));
            }
            return revoked;
        });
    }

    @Override
    public List<Grant> recent(int limit) {
        return db.with(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM participation_events ORDER BY id DESC LIMIT :limit")
                        .bind("limit", limit).map(JdbcParticipation::grant).list());
    }

    @Override
    public List<Grant> marks(ParticipationKind kind, Collection<String> userIds, String ref) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        // The primary key (user_id, kind, ref) finds them. Refs passed here are Popcorn's own (release:<id>), so no % or _ to escape.
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM participation_events WHERE user_id IN (<users>)"
                + " AND kind = :kind AND (ref = :ref OR ref LIKE :under) AND revoked_at IS NULL ORDER BY id")
                .bindList("users", List.copyOf(userIds)).bind("kind", kind.name()).bind("ref", ref)
                .bind("under", ref + "/%").map(JdbcParticipation::grant).list());
    }

    private static Grant grant(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getString("user_id"), ParticipationKind.valueOf(rs.getString("kind")),
                rs.getString("ref"), rs.getInt("points"), Db.instant(rs, "at"), rs.getString("reason"),
                Db.instant(rs, "revoked_at"), rs.getString("revoked_by"), rs.getString("revoke_reason"));
    }
}
