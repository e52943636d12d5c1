package dev.popcorn.domain;

import java.time.Instant;

/** A user who takes part: reports, votes and wishes. The id comes from the identity provider. */
public record User(String id, String name, Instant joinedAt) {
    public User {
        Text.require(id, "user.id", 1, 120);
        Text.require(name, "user.name", 1, 120);
    }
}
