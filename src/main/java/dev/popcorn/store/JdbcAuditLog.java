package dev.popcorn.store;

import dev.popcorn.app.AuditLog;
import dev.popcorn.domain.AuditEntry;
import java.util.List;

final class JdbcAuditLog implements AuditLog {

    private final Db db;

    JdbcAuditLog(Db db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry entry) {
        db.with(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (:at, :actor, :action, :subject, :detail)")
                .bind("at", entry.at()).bind("actor", entry.actor()).bind("action", entry.action())
                .bind("subject", entry.subject()).bind("detail", entry.detail())
                .execute());
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.with(h -> h.createQuery("SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new AuditEntry(Db.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail")))
                .list());
    }
}
