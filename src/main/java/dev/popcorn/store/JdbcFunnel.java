package dev.popcorn.store;

import dev.popcorn.app.week.FunnelStore;
import java.time.Instant;

/**
 * The funnel in {@code release_visits} and the ledger. A visit is one insert by primary key that
 * writes nothing when the row is there; the reporters are the release's reports (primary key
 * prefix) joined to their grants (the ledger's primary key), never a scan of the whole ledger.
 */
final class JdbcFunnel implements FunnelStore {

    private final Db db;

    JdbcFunnel(Db db) {
        this.db = db;
    }

    @Override
    public boolean visit(long releaseId, String userId, Instant at) {
        try {
            return db.with(h -> h.createUpdate("INSERT INTO release_visits (release_id, user_id, first_at)"
                    + " SELECT :r, :u, :at WHERE NOT EXISTS"
                    + " (SELECT 1 FROM release_visits WHERE release_id = :r AND user_id = :u)")
                    .bind("r", releaseId).bind("u", userId).bind("at", at).execute()) > 0;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Two first visits of one user at once: the other one was kept.
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long visitors(long releaseId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM release_visits WHERE release_id = :r")
                .bind("r", releaseId).mapTo(Long.class).one());
    }

    @Override
    public long reporters(long releaseId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM reports r JOIN participation_events e"
                + " ON e.user_id = r.user_id AND e.kind = 'REPORT_HANDED_IN' AND e.ref = :ref"
                + " WHERE r.release_id = :r AND e.revoked_at IS NULL")
                .bind("r", releaseId).bind("ref", "release:" + releaseId).mapTo(Long.class).one());
    }
}
