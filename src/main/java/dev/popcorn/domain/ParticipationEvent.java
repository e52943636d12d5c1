package dev.popcorn.domain;

import java.time.Instant;

/**
 * Something a user did that counts towards their participation (参与感). {@code ref} names what
 * it was about ({@code release:12}, {@code poll:7}); one event per user, kind and ref, so that
 * editing a report or changing a ballot earns nothing more.
 */
public record ParticipationEvent(String userId, ParticipationKind kind, String ref, int points, Instant at) {

    public static ParticipationEvent of(String userId, ParticipationKind kind, String ref, Instant at) {
        return new ParticipationEvent(userId, kind, ref, kind.points(), at);
    }
}
