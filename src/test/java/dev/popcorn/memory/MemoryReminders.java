package dev.popcorn.memory;

import dev.popcorn.app.forum.ReminderStore;
import dev.popcorn.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The fans' choices of reminders on the forum, keyed by user id, with the deadline each was last reminded of. */
final class MemoryReminders implements ReminderStore {

    private record Row(boolean remind, String language, Instant changedAt, Instant remindedFor) {
    }

    private final MemoryDb db;
    private final MemoryUsers users;
    private final MemoryReports reports;
    private final Map<String, Row> rows;

    MemoryReminders(MemoryDb db, MemoryUsers users, MemoryReports reports) {
        this.db = db;
        this.users = users;
        this.reports = reports;
        this.rows = db.table();
    }

    @Override
    public Choice choice(String userId) {
        return db.with(() -> {
            Row row = rows.get(userId);
            return row == null ? Choice.NONE : new Choice(row.remind(), row.language());
        });
    }

    @Override
    public void choose(String userId, boolean remind, String language, Instant at) {
        db.run(() -> {
            Row old = rows.get(userId);
            rows.put(userId,
                    new Row(remind, language == null ? "" : language, at, old == null ? null : old.remindedFor()));
        });
    }

    @Override
    public List<String> due(long releaseId, Instant deadline, int limit) {
        return db.with(() -> rows.entrySet().stream()
                .filter(e -> e.getValue().remind() && before(e.getValue().remindedFor(), deadline))
                .map(Map.Entry::getKey)
                .filter(id -> users.find(id).map(User::forumUsername).filter(n -> !n.isBlank()).isPresent())
                .filter(id -> reports.find(releaseId, id).isEmpty())
                .sorted().limit(limit).toList());
    }

    @Override
    public boolean remind(String userId, Instant deadline) {
        return db.with(() -> {
            Row row = rows.get(userId);
            if (row == null || !row.remind() || !before(row.remindedFor(), deadline)) {
                return false;
            }
            rows.put(userId, new Row(true, row.language(), row.changedAt(), deadline));
            return true;
        });
    }

    private static boolean before(Instant reminded, Instant deadline) {
        return reminded == null || reminded.isBefore(deadline);
    }
}
