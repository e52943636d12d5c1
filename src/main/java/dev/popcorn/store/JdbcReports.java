package dev.popcorn.store;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Verdict;
import dev.popcorn.domain.Wish;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcReports implements ReportStore {

    /** A wish row with its supporter count in column {@code n}. */
    private static final RowMapper<Wish> WISH = (rs, ctx) -> new Wish(rs.getLong("id"), rs.getString("text"),
            rs.getString("author_id"), rs.getLong("release_id"), Db.instant(rs, "created_at"), rs.getLong("n"));

    private final Db db;

    JdbcReports(Db db) {
        this.db = db;
    }

    @Override
    public void save(ExperienceReport report, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            long release = report.releaseId();
            String user = report.userId();
            h.createUpdate(db.dialect().upsertReport()).bind("release", release).bind("user", user).bind("at", at).execute();
            h.createUpdate("DELETE FROM report_verdicts WHERE release_id = :r AND user_id = :u")
                    .bind("r", release).bind("u", user).execute();
            if (!report.verdicts().isEmpty()) {
                var batch = h.prepareBatch("INSERT INTO report_verdicts (release_id, user_id, ticket_key, verdict, comment, updated_at)"
                        + " VALUES (:r, :u, :k, :v, :c, :at)");
                for (FeatureVerdict v : report.verdicts()) {
                    batch.bind("r", release).bind("u", user).bind("k", v.featureKey()).bind("v", v.verdict().name())
                            .bind("c", v.comment()).bind("at", at).add();
                }
                batch.execute();
            }
            List<Long> supported = new ArrayList<>(report.supportedWishes());
            for (String text : report.newWishes()) {
                supported.add(fileWish(h, user, release, text, at));
            }
            // Supports handed in with this report are replaced; those of earlier reports stay.
            h.createUpdate("DELETE FROM wish_supporters WHERE release_id = :r AND user_id = :u")
                    .bind("r", release).bind("u", user).execute();
            for (long wish : supported) {
                h.createUpdate(db.dialect().insertSupportIfAbsent())
                        .bind("wish", wish).bind("user", user).bind("release", release).bind("at", at).execute();
            }
            return null;
        }));
    }

    /** Files a new wish, or finds the one this user filed with the same words in the same release. */
    private static long fileWish(Handle h, String user, long release, String text, Instant at) {
        Optional<Long> existing = h.createQuery("SELECT id FROM wishes WHERE author_id = :u AND release_id = :r AND text = :t")
                .bind("u", user).bind("r", release).bind("t", text).mapTo(Long.class).findFirst();
        return existing.orElseGet(() -> h.createUpdate(
                        "INSERT INTO wishes (text, author_id, release_id, created_at) VALUES (:t, :u, :r, :at)")
                .bind("t", text).bind("u", user).bind("r", release).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return db.with(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM reports WHERE release_id = :r AND user_id = :u")
                    .bind("r", releaseId).bind("u", userId).mapTo(Long.class).one() > 0;
            if (!exists) {
                return Optional.empty();
            }
            List<FeatureVerdict> verdicts = h.createQuery("SELECT ticket_key, verdict, comment FROM report_verdicts"
                            + " WHERE release_id = :r AND user_id = :u ORDER BY ticket_key")
                    .bind("r", releaseId).bind("u", userId)
                    .map((rs, ctx) -> new FeatureVerdict(rs.getString("ticket_key"),
                            Verdict.valueOf(rs.getString("verdict")), rs.getString("comment")))
                    .list();
            List<Long> wishes = h.createQuery("SELECT wish_id FROM wish_supporters WHERE release_id = :r AND user_id = :u"
                            + " ORDER BY wish_id")
                    .bind("r", releaseId).bind("u", userId).mapTo(Long.class).list();
            return Optional.of(new ExperienceReport(userId, releaseId, verdicts, wishes, List.of()));
        });
    }

    @Override
    public long count(long releaseId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM reports WHERE release_id = :r")
                .bind("r", releaseId).mapTo(Long.class).one());
    }

    @Override
    public List<Wish> topWishes(int limit) {
        return db.with(h -> h.createQuery("SELECT w.id, w.text, w.author_id, w.release_id, w.created_at, s.n"
                        + " FROM wishes w JOIN (SELECT wish_id, COUNT(*) AS n FROM wish_supporters GROUP BY wish_id) s"
                        + " ON s.wish_id = w.id ORDER BY s.n DESC, w.id LIMIT :limit")
                .bind("limit", limit)
                .map(WISH)
                .list());
    }

    @Override
    public List<Wish> wishes(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.with(h -> h.createQuery("SELECT w.id, w.text, w.author_id, w.release_id, w.created_at,"
                        + " (SELECT COUNT(*) FROM wish_supporters s WHERE s.wish_id = w.id) AS n"
                        + " FROM wishes w WHERE w.id IN (<ids>) ORDER BY w.id")
                .bindList("ids", ids)
                .map(WISH)
                .list());
    }

    @Override
    public boolean wishExists(long wishId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM wishes WHERE id = :id").bind("id", wishId)
                .mapTo(Long.class).one() > 0);
    }
}
