package dev.popcorn.store;

import dev.popcorn.app.release.BuildLog;
import dev.popcorn.domain.release.BuildNotice;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** The build notice log as rows; the reason's arguments are kept one per line. */
final class JdbcBuildLog implements BuildLog {

    private static final String COLUMNS = "id, received_at, job, build_number, phase, status, outcome, message_key,"
            + " message_args, release_id, body";

    private final Db db;

    JdbcBuildLog(Db db) {
        this.db = db;
    }

    @Override
    public long record(Instant receivedAt, BuildNotice notice, Outcome outcome, Reason reason, Optional<Long> releaseId,
            String body) {
        return db.with(h -> h.createUpdate("INSERT INTO build_notices (received_at, job, build_number, phase, status,"
                + " outcome, message_key, message_args, release_id, body)"
                + " VALUES (:at, :job, :number, :phase, :status, :outcome, :key, :args, :release, :body)")
                .bind("at", receivedAt).bind("job", notice.build().job()).bind("number", notice.build().number())
                .bind("phase", cut(notice.phase(), 20)).bind("status", cut(notice.status(), 20))
                .bind("outcome", outcome.name()).bind("key", reason.key()).bind("args", args(reason))
                .bind("release", releaseId.orElse(null)).bind("body", body)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void settle(long id, Outcome outcome, Reason reason, Optional<Long> releaseId) {
        db.with(h -> h
                .createUpdate("UPDATE build_notices SET outcome = :outcome, message_key = :key, message_args = :args,"
                        + " release_id = :release WHERE id = :id")
                .bind("id", id).bind("outcome", outcome.name()).bind("key", reason.key()).bind("args", args(reason))
                .bind("release", releaseId.orElse(null)).execute());
    }

    @Override
    public Optional<Entry> find(long id) {
        return db.with(
                h -> entries(h.createQuery("SELECT " + COLUMNS + " FROM build_notices WHERE id = :id").bind("id", id))
                        .stream().findFirst());
    }

    @Override
    public List<Entry> recent(int limit) {
        return db.with(h -> entries(h.createQuery("SELECT " + COLUMNS + " FROM build_notices"
                + " ORDER BY received_at DESC, id DESC LIMIT :limit").bind("limit", limit)));
    }

    private static List<Entry> entries(Query query) {
        return query.map((rs, ctx) -> {
            String args = rs.getString("message_args");
            long release = rs.getLong("release_id");
            Optional<Long> releaseId = rs.wasNull() ? Optional.empty() : Optional.of(release);
            return new Entry(rs.getLong("id"), Db.instant(rs, "received_at"), rs.getString("job"),
                    rs.getInt("build_number"), rs.getString("phase"), rs.getString("status"),
                    Outcome.valueOf(rs.getString("outcome")),
                    new Reason(rs.getString("message_key"),
                            args.isEmpty() ? List.of() : Arrays.asList(args.split("\n", -1))),
                    releaseId, rs.getString("body"));
        }).list();
    }

    private static String args(Reason reason) {
        return cut(String.join("\n", reason.args().stream().map(a -> a.replace('\n', ' ')).toList()), 4000);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
