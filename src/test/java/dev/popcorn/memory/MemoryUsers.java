package dev.popcorn.memory;

import dev.popcorn.app.UserStore;
import dev.popcorn.domain.User;
import dev.popcorn.domain.forum.ForumIdentity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in memory: created once, renamed on a later sign-in, with what the forum told about them. */
final class MemoryUsers implements UserStore {

    private final MemoryDb db;
    private final Map<String, User> users;
    private final Map<String, LeadRole> standings;

    MemoryUsers(MemoryDb db) {
        this.db = db;
        this.users = db.table();
        this.standings = db.table();
    }

    @Override
    public User upsert(String id, String name, Instant now) {
        return db.with(() -> users.compute(id, (key, known) -> known == null ? new User(id, name, now)
                : new User(id, name, known.joinedAt(), known.trustLevel(), known.forumUsername(), known.groups())));
    }

    @Override
    public Map<String, String> names(java.util.Collection<String> ids) {
        return db.with(() -> {
            Map<String, String> names = new java.util.HashMap<>();
            ids.forEach(id -> {
                if (users.containsKey(id)) {
                    names.put(id, users.get(id).name());
                }
            });
            return names;
        });
    }

    @Override
    public List<User> search(String text, int limit) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        return db.with(() -> users.values().stream()
                .filter(u -> u.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || u.id().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .sorted(java.util.Comparator
                        .<User>comparingInt(u -> u.id().toLowerCase(java.util.Locale.ROOT).equals(needle)
                                || u.name().toLowerCase(java.util.Locale.ROOT).equals(needle) ? 0 : 1)
                        .thenComparing(User::name).thenComparing(User::id))
                .limit(limit).toList());
    }

    @Override
    public Optional<User> find(String id) {
        return db.with(() -> Optional.ofNullable(users.get(id)));
    }

    @Override
    public User upsertFromForum(ForumIdentity identity, Instant now) {
        return db.inTransaction(() -> {
            User user = upsert(identity.externalId(), identity.displayName(), now);
            User updated = new User(user.id(), user.name(), user.joinedAt(),
                    identity.trustLevel().orElse(user.trustLevel()),
                    identity.username(), identity.groups());
            users.put(user.id(), updated);
            return updated;
        });
    }

    @Override
    public boolean updateFromForum(String id, String username, Integer trustLevel, List<String> groups) {
        return db.with(() -> {
            User u = users.get(id);
            if (u == null) {
                return false;
            }
            users.put(id, new User(id, u.name(), u.joinedAt(), trustLevel == null ? u.trustLevel() : trustLevel,
                    username == null ? u.forumUsername() : username, groups == null ? u.groups() : groups));
            return true;
        });
    }

    @Override
    public Optional<LeadRole> leadRole(String id) {
        return db.with(() -> users.containsKey(id)
                ? Optional.of(standings.getOrDefault(id, new LeadRole(false, null))) : Optional.empty());
    }

    @Override
    public java.util.Map<String, Instant> revokedSince(Instant since) {
        return db.with(() -> {
            java.util.Map<String, Instant> revoked = new java.util.HashMap<>();
            standings.forEach((id, s) -> {
                if (s.passesValidAfter() != null && !s.passesValidAfter().isBefore(since)) {
                    revoked.put(id, s.passesValidAfter());
                }
            });
            return revoked;
        });
    }

    private final java.util.Map<java.util.Map.Entry<String, Instant>, Instant> ended = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void endSession(String userId, Instant issuedAt, Instant at, Instant forgetBefore) {
        db.run(() -> {
            ended.values().removeIf(t -> t.isBefore(forgetBefore));
            ended.putIfAbsent(java.util.Map.entry(userId, issuedAt.truncatedTo(ChronoUnit.MILLIS)), at);
        });
    }

    @Override
    public java.util.List<EndedSession> sessionsEndedSince(Instant since) {
        return db.with(() -> ended.entrySet().stream().filter(e -> !e.getValue().isBefore(since))
                .map(e -> new EndedSession(e.getKey().getKey(), e.getKey().getValue(), e.getValue())).toList());
    }

    @Override
    public void revokePasses(String id, Instant at) {
        db.run(() -> {
            users.putIfAbsent(id, new User(id, id, at.truncatedTo(ChronoUnit.MILLIS)));
            LeadRole was = standings.getOrDefault(id, new LeadRole(false, null));
            standings.put(id, new LeadRole(was.lead(), at.truncatedTo(ChronoUnit.MILLIS)));
        });
    }

    @Override
    public void dropForumUsername(String id) {
        db.run(() -> users.computeIfPresent(id,
                (key, u) -> new User(u.id(), u.name(), u.joinedAt(), u.trustLevel(), null,
                        u.groups())));
    }

    @Override
    public boolean setLead(String id, boolean lead) {
        return db.with(() -> {
            if (!users.containsKey(id)) {
                return false;
            }
            LeadRole was = standings.getOrDefault(id, new LeadRole(false, null));
            standings.put(id, new LeadRole(lead, was.passesValidAfter()));
            return true;
        });
    }

    @Override
    public List<User> forumLeads() {
        return db.with(() -> users.values().stream().filter(u -> u.forumUsername() != null)
                .filter(u -> standings.getOrDefault(u.id(), new LeadRole(false, null)).lead())
                .sorted(java.util.Comparator.comparing(User::id)).toList());
    }

    @Override
    public long count() {
        return db.with(() -> (long) users.size());
    }
}
