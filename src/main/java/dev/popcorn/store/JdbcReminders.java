package dev.popcorn.store;

import dev.popcorn.app.forum.ReminderStore;
import java.time.Instant;
import java.util.List;

/** {@code forum_reminders} (V26): the fans' choices of reminders on the forum, and the deadline each was last reminded of. */
final class JdbcReminders implements ReminderStore {

    private final Db db;

    JdbcReminders(Db db) {
        this.db = db;
    }

    @Override
    public Choice choice(String userId) {
        return db.with(
                h -> h.createQuery("SELECT opted_in, lang FROM forum_reminders WHERE user_id = :u").bind("u", userId)
                        .map((rs, ctx) -> new Choice(rs.getBoolean("opted_in"), rs.getString("lang"))).findOne()
                        .orElse(Choice.NONE));
    }

    @Override
    public void choose(String userId, boolean remind, String language, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE forum_reminders SET opted_in = :on, lang = :lang, changed_at = :at"
                    + " WHERE user_id = :u").bind("u", userId).bind("on", remind).bind("lang", language).bind("at", at)
                    .execute();
            if (updated == 0) {
                h.createUpdate(
                        "INSERT INTO forum_reminders (user_id, opted_in, lang, changed_at) VALUES (:u, :on, :lang, :at)")
                        .bind("u", userId).bind("on", remind).bind("lang", language).bind("at", at).execute();
            }
            return updated;
        }));
    }

    @Override
    public List<String> due(long releaseId, Instant deadline, int limit) {
        return db.with(h -> h.createQuery("SELECT r.user_id FROM forum_reminders r JOIN users u ON u.id = r.user_id"
                + " WHERE r.opted_in AND (r.reminded_for IS NULL OR r.reminded_for < :deadline)"
                + " AND u.forum_username IS NOT NULL AND u.forum_username <> ''"
                + " AND NOT EXISTS (SELECT 1 FROM reports p WHERE p.release_id = :release AND p.user_id = r.user_id)"
                + " ORDER BY r.user_id LIMIT :limit")
                .bind("deadline", deadline).bind("release", releaseId).bind("limit", limit).mapTo(String.class).list());
    }

    @Override
    public boolean remind(String userId, Instant deadline) {
        return db.with(h -> h.createUpdate("UPDATE forum_reminders SET reminded_for = :deadline WHERE user_id = :u"
                + " AND opted_in AND (reminded_for IS NULL OR reminded_for < :deadline)")
                .bind("u", userId).bind("deadline", deadline).execute()) == 1;
    }
}
