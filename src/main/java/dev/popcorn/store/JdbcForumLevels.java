package dev.popcorn.store;

import dev.popcorn.app.forum.ForumLevelStore;
import java.time.Instant;
import java.util.Optional;

/** {@code user_levels} (V11) as the forum mirror reads and the forum's groups write it. */
final class JdbcForumLevels implements ForumLevelStore {

    private final Db db;

    JdbcForumLevels(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Stored> level(String userId) {
        return db.with(
                h -> h.createQuery("SELECT level, locked FROM user_levels WHERE user_id = :user").bind("user", userId)
                        .map((rs, ctx) -> new Stored(rs.getString("level"), rs.getBoolean("locked"))).findOne());
    }

    @Override
    public boolean earlyAccess(String userId) {
        return db.with(h -> h.createQuery("SELECT early_access FROM users WHERE id = :u").bind("u", userId)
                .mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public void setLevel(String userId, String level, Instant since) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE user_levels SET level = :level, since = :since WHERE user_id = :user")
                    .bind("user", userId).bind("level", level).bind("since", since).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO user_levels (user_id, level, since) VALUES (:user, :level, :since)")
                        .bind("user", userId).bind("level", level).bind("since", since).execute();
            }
            return updated;
        }));
    }
}
