package dev.popcorn.domain.participation;

import dev.popcorn.domain.Text;
import java.time.Instant;

/**
 * Something a user did that counts towards their participation (参与感), as a grant of points.
 * {@code ref} names what it was about ({@code release:12}, {@code poll:7}); one grant per user,
 * kind and ref, so that editing a report or changing a ballot earns nothing more. {@code reason}
 * says why the points were given (and when they were cut by the weekly cap).
 */
public record ParticipationEvent(String userId, ParticipationKind kind, String ref, int points, Instant at,
        String reason) {

    public ParticipationEvent {
        reason = Text.cut(reason == null ? kind.reason() : reason, 200);
    }

    /** A grant of the kind's default points, for the kind's reason. */
    public static ParticipationEvent of(String userId, ParticipationKind kind, String ref, Instant at) {
        return new ParticipationEvent(userId, kind, ref, kind.points(), at, kind.reason());
    }
}
