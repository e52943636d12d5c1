package dev.popcorn.app;

import dev.popcorn.domain.User;
import java.util.Optional;

/** Users known to Popcorn. */
public interface UserStore {

    /** Creates the user, or updates the display name of a known one; returns the stored user. */
    User upsert(String id, String name, java.time.Instant now);

    Optional<User> find(String id);

    /** Records the forum's trust level of a known user (the forum sign-in tells it). */
    void updateTrustLevel(String id, int level);

    long count();
}
