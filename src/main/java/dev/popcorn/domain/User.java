package dev.popcorn.domain;

import java.time.Instant;
import java.util.List;

/**
 * A user who takes part: reports, votes and wishes. The id comes from the identity provider
 * (the forum's {@code external_id}, or the id in a signed link). What the forum told about them
 * is known only when it told us: the trust level, user name and groups are null otherwise.
 */
public record User(String id, String name, Instant joinedAt, Integer trustLevel, String forumUsername,
        List<String> groups) {
    public User {
        Text.require(id, "user.id", 1, 120);
        Text.require(name, "user.name", 1, 120);
        groups = groups == null ? null : List.copyOf(groups);
    }

    public User(String id, String name, Instant joinedAt) {
        this(id, name, joinedAt, null, null, null);
    }
}
