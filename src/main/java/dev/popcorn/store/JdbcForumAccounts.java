package dev.popcorn.store;

import dev.popcorn.app.ForumAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The forum accounts behind members' names, one row per name (lower-cased key). */
final class JdbcForumAccounts implements ForumAccountStore {

    private static final String COLUMNS = "SELECT name, state, forum_user_id, forum_username, user_id, problem, checked_at"
            + " FROM forum_accounts";

    private final Db db;

    JdbcForumAccounts(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Account> find(String name) {
        return db.with(h -> h.createQuery(COLUMNS + " WHERE name_lower = :key").bind("key", key(name))
                .map((rs, ctx) -> account(rs)).findOne());
    }

    @Override
    public List<Account> all() {
        return db.with(h -> h.createQuery(COLUMNS + " ORDER BY name_lower").map((rs, ctx) -> account(rs)).list());
    }

    @Override
    public void save(Account a) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h
                    .createUpdate("UPDATE forum_accounts SET name = :name, state = :state, forum_user_id = :forumId,"
                            + " forum_username = :forumUsername, user_id = :userId, problem = :problem, checked_at = :at"
                            + " WHERE name_lower = :key")
                    .bind("key", key(a.name())).bind("name", a.name()).bind("state", a.state().name())
                    .bind("forumId", a.forumId()).bind("forumUsername", a.forumUsername()).bind("userId", a.userId())
                    .bind("problem", a.problem()).bind("at", a.checkedAt()).execute();
            if (updated == 0) {
                h.createUpdate(
                        "INSERT INTO forum_accounts (name_lower, name, state, forum_user_id, forum_username, user_id,"
                                + " problem, checked_at) VALUES (:key, :name, :state, :forumId, :forumUsername, :userId, :problem, :at)")
                        .bind("key", key(a.name())).bind("name", a.name()).bind("state", a.state().name())
                        .bind("forumId", a.forumId()).bind("forumUsername", a.forumUsername())
                        .bind("userId", a.userId())
                        .bind("problem", a.problem()).bind("at", a.checkedAt()).execute();
            }
            return updated;
        }));
    }

    @Override
    public void forget(String name) {
        db.with(h -> h.createUpdate("DELETE FROM forum_accounts WHERE name_lower = :key").bind("key", key(name))
                .execute());
    }

    @Override
    public List<Account> byForumId(long forumId) {
        return db
                .with(h -> h.createQuery(COLUMNS + " WHERE forum_user_id = :id ORDER BY name_lower").bind("id", forumId)
                        .map((rs, ctx) -> account(rs)).list());
    }

    @Override
    public List<String> namesOf(String userId) {
        return db.with(h -> h.createQuery("SELECT name FROM forum_accounts WHERE user_id = :u AND state = 'LINKED'"
                + " ORDER BY name_lower").bind("u", userId).mapTo(String.class).list());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("name"), State.valueOf(rs.getString("state")),
                rs.getObject("forum_user_id") == null ? null : rs.getLong("forum_user_id"),
                rs.getString("forum_username"),
                rs.getString("user_id"), rs.getString("problem"), Db.instant(rs, "checked_at"));
    }
}
