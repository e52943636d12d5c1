package dev.popcorn.app.forum;

import java.time.Instant;
import java.util.Optional;

/**
 * The levels users stand at ({@code user_levels}), as far as mirroring them to the forum needs:
 * the deliveries read the level a user is at now, and the forum's groups set a level granted by hand.
 * No row means the first level of the ladder.
 */
public interface ForumLevelStore {

    /** A user's stored level id and whether a lead locked it. */
    record Stored(String level, boolean locked) {
    }

    /** The user's level as stored; empty when they have none (the first level). */
    Optional<Stored> level(String userId);

    /** Whether the user asked to join the early-access group. */
    boolean earlyAccess(String userId);

    /** Puts the user at {@code level} since {@code since}, creating the row if needed; a lead's lock stays as it is. */
    void setLevel(String userId, String level, Instant since);
}
