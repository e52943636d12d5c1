package dev.popcorn.store;

import dev.popcorn.app.UserStore;
import dev.popcorn.domain.User;
import java.time.Instant;
import java.util.Optional;

final class JdbcUsers implements UserStore {

    private final Db db;

    JdbcUsers(Db db) {
        this.db = db;
    }

    @Override
    public User upsert(String id, String name, Instant now) {
        new User(id, name, now);
        db.with(h -> h.createUpdate(db.dialect().upsertUser()).bind("id", id).bind("name", name).bind("at", now).execute());
        return find(id).orElseThrow();
    }

    @Override
    public Optional<User> find(String id) {
        return db.with(h -> h.createQuery("SELECT id, name, joined_at, trust_level FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new User(rs.getString("id"), rs.getString("name"), Db.instant(rs, "joined_at"),
                        rs.getObject("trust_level", Integer.class)))
                .findOne());
    }

    @Override
    public void updateTrustLevel(String id, int level) {
        db.with(h -> h.createUpdate("UPDATE users SET trust_level = :level WHERE id = :id")
                .bind("id", id).bind("level", level).execute());
    }

    @Override
    public long count() {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }
}
