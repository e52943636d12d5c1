package dev.popcorn.app.forum;

import java.time.Instant;
import java.util.Optional;

/** The threads Popcorn keeps on the forum: where each is and a fingerprint of the text last posted. */
public interface ForumThreadStore {

    record Kept(String key, Forum.Posted posted, String fingerprint, Instant updatedAt) {
    }

    Optional<Kept> find(String key);

    /** The id of the database these threads are remembered in: what Popcorn posts carries it. */
    String database();

    void save(Kept thread);
}
