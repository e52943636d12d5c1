package dev.popcorn.domain;

import java.time.Instant;

/**
 * A user who takes part: reports, votes and wishes. The id comes from the identity provider;
 * the forum's trust level is known only when the forum told us (null otherwise).
 */
public record User(String id, String name, Instant joinedAt, Integer trustLevel) {
    public User {
        Text.require(id, "user.id", 1, 120);
        Text.require(name, "user.name", 1, 120);
    }

    public User(String id, String name, Instant joinedAt) {
        this(id, name, joinedAt, null);
    }
}
