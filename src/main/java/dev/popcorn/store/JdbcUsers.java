package dev.popcorn.store;

import dev.popcorn.app.UserStore;
import dev.popcorn.domain.User;
import dev.popcorn.domain.forum.ForumIdentity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class JdbcUsers implements UserStore {

    private final Db db;

    JdbcUsers(Db db) {
        this.db = db;
    }

    @Override
    public User upsert(String id, String name, Instant now) {
        new User(id, name, now);
        db.with(h -> h.createUpdate(db.dialect().upsertUser()).bind("id", id).bind("name", name).bind("at", now)
                .execute());
        return find(id).orElseThrow();
    }

    @Override
    public Map<String, String> names(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        db.with(h -> h.createQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(new HashSet<>(ids)))
                .map((rs, ctx) -> names.put(rs.getString("id"), rs.getString("name"))).list());
        return names;
    }

    @Override
    public List<User> search(String text, int limit) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        String like = "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.with(h -> h
                .createQuery("SELECT id, name, joined_at, trust_level, forum_username, forum_groups FROM users"
                        + " WHERE LOWER(name) LIKE :like ESCAPE '!' OR LOWER(id) LIKE :like ESCAPE '!'"
                        + " ORDER BY CASE WHEN LOWER(id) = :exact OR LOWER(name) = :exact THEN 0 ELSE 1 END, name, id"
                        + " LIMIT :limit")
                .bind("like", like).bind("exact", needle).bind("limit", limit)
                .map((rs, ctx) -> user(rs)).list());
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getString("id"), rs.getString("name"), Db.instant(rs, "joined_at"),
                rs.getObject("trust_level", Integer.class), rs.getString("forum_username"),
                groups(rs.getString("forum_groups")));
    }

    @Override
    public Optional<User> find(String id) {
        return db.with(h -> h
                .createQuery("SELECT id, name, joined_at, trust_level, forum_username, forum_groups FROM users"
                        + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new User(rs.getString("id"), rs.getString("name"), Db.instant(rs, "joined_at"),
                        rs.getObject("trust_level", Integer.class), rs.getString("forum_username"),
                        groups(rs.getString("forum_groups"))))
                .findOne());
    }

    @Override
    public User upsertFromForum(ForumIdentity identity, Instant now) {
        return db.inTransaction(() -> {
            upsert(identity.externalId(), identity.displayName(), now);
            db.with(h -> h
                    .createUpdate(
                            "UPDATE users SET forum_username = :username, avatar_url = :avatar, forum_groups = :groups,"
                                    + " trust_level = COALESCE(:level, trust_level) WHERE id = :id")
                    .bind("id", identity.externalId()).bind("username", identity.username())
                    .bind("avatar", identity.avatarUrl().length() > 500 ? "" : identity.avatarUrl())
                    .bind("groups", joined(identity.groups()))
                    .bind("level", identity.trustLevel().orElse(null)).execute());
            return find(identity.externalId()).orElseThrow();
        });
    }

    @Override
    public boolean updateFromForum(String id, String username, Integer trustLevel, List<String> groups) {
        return db.with(h -> h.createUpdate("UPDATE users SET forum_username = COALESCE(:username, forum_username),"
                + " trust_level = COALESCE(:level, trust_level), forum_groups = COALESCE(:groups, forum_groups)"
                + " WHERE id = :id")
                .bind("id", id).bind("username", username).bind("level", trustLevel)
                .bind("groups", groups == null ? null : joined(groups)).execute()) == 1;
    }

    private static String joined(List<String> groups) {
        String joined = String.join(",", groups);
        // A user in very many groups keeps the first ones that fit.
        return joined.length() <= 4000 ? joined : joined.substring(0, joined.lastIndexOf(',', 4000));
    }

    private static List<String> groups(String joined) {
        return joined == null ? null : joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    @Override
    public Optional<LeadRole> leadRole(String id) {
        return db.with(h -> h.createQuery("SELECT is_lead, passes_valid_after FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new LeadRole(rs.getBoolean("is_lead"),
                        rs.getObject("passes_valid_after") == null ? null : Db.instant(rs, "passes_valid_after")))
                .findOne());
    }

    @Override
    public java.util.Map<String, Instant> revokedSince(Instant since) {
        java.util.Map<String, Instant> revoked = new java.util.HashMap<>();
        db.with(h -> h.createQuery("SELECT id, passes_valid_after FROM users WHERE passes_valid_after >= :since")
                .bind("since", since)
                .map((rs, ctx) -> revoked.put(rs.getString("id"), Db.instant(rs, "passes_valid_after")))
                .list());
        return revoked;
    }

    @Override
    public void endSession(String userId, Instant issuedAt, Instant at, Instant forgetBefore) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("DELETE FROM ended_sessions WHERE ended_at < :before").bind("before", forgetBefore)
                    .execute();
            boolean known = h.createQuery("SELECT COUNT(*) FROM ended_sessions WHERE user_id = :u AND issued_at = :i")
                    .bind("u", userId).bind("i", issuedAt.truncatedTo(ChronoUnit.MILLIS)).mapTo(Integer.class)
                    .one() > 0;
            if (!known) {
                h.createUpdate("INSERT INTO ended_sessions (user_id, issued_at, ended_at) VALUES (:u, :i, :at)")
                        .bind("u", userId).bind("i", issuedAt.truncatedTo(ChronoUnit.MILLIS)).bind("at", at).execute();
            }
            return null;
        }));
    }

    @Override
    public List<EndedSession> sessionsEndedSince(Instant since) {
        return db.with(
                h -> h.createQuery("SELECT user_id, issued_at, ended_at FROM ended_sessions WHERE ended_at >= :since")
                        .bind("since", since)
                        .map((rs, ctx) -> new EndedSession(rs.getString("user_id"), Db.instant(rs, "issued_at"),
                                Db.instant(rs, "ended_at")))
                        .list());
    }

    @Override
    public void revokePasses(String id, Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE users SET passes_valid_after = :at WHERE id = :id")
                    .bind("id", id).bind("at", millis).execute();
            if (updated == 0) {
                new User(id, id, millis);
                h.createUpdate(
                        "INSERT INTO users (id, name, joined_at, passes_valid_after) VALUES (:id, :id, :at, :at)")
                        .bind("id", id).bind("at", millis).execute();
            }
            return null;
        }));
    }

    @Override
    public Map<String, Instant> forgottenSince(Instant since) {
        Map<String, Instant> forgotten = new HashMap<>();
        db.with(h -> h
                .createQuery(
                        "SELECT id_digest, passes_valid_after FROM forgotten_passes WHERE passes_valid_after >= :since")
                .bind("since", since)
                .map((rs, ctx) -> forgotten.put(rs.getString("id_digest"), Db.instant(rs, "passes_valid_after")))
                .list());
        return forgotten;
    }

    @Override
    public void dropForumUsername(String id) {
        db.with(h -> h.createUpdate("UPDATE users SET forum_username = NULL WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public boolean setLead(String id, boolean lead) {
        return db.with(h -> h.createUpdate("UPDATE users SET is_lead = :lead WHERE id = :id").bind("id", id)
                .bind("lead", lead).execute()) == 1;
    }

    @Override
    public List<User> forumLeads() {
        return db.with(h -> h
                .createQuery("SELECT id, name, joined_at, trust_level, forum_username, forum_groups FROM users"
                        + " WHERE is_lead AND forum_username IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new User(rs.getString("id"), rs.getString("name"), Db.instant(rs, "joined_at"),
                        rs.getObject("trust_level", Integer.class), rs.getString("forum_username"),
                        groups(rs.getString("forum_groups"))))
                .list());
    }

    @Override
    public long count() {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }
}
