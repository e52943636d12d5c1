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
        db.with(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, subject, detail, note)"
                + " VALUES (:at, :actor, :action, :subject, :detail, :note)")
                .bind("at", entry.at()).bind("actor", entry.actor()).bind("action", entry.action())
                .bind("subject", entry.subject()).bind("detail", entry.detail())
                .bind("note", String.join(String.valueOf(AuditEntry.SEPARATOR), entry.note()))
                .execute());
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.with(h -> h
                .createQuery("SELECT at, actor, action, subject, detail, note FROM audit_log ORDER BY id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new AuditEntry(Db.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail"), note(rs.getString("note"))))
                .list());
    }

    private static List<String> note(String stored) {
        return stored == null || stored.isEmpty() ? List.of()
                : List.of(stored.split(java.util.regex.Pattern.quote(String.valueOf(AuditEntry.SEPARATOR)), -1));
    }
}
