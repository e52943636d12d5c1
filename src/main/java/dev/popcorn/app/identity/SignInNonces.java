package dev.popcorn.app.identity;

import java.time.Instant;
import java.util.Optional;

/** The nonces of forum sign-ins under way; each can be taken once, on any instance. */
public interface SignInNonces {

    /** A nonce as it was handed out: when, and where the user goes after signing in. */
    record Issued(Instant createdAt, String nextPath) {
    }

    void add(String nonce, Instant createdAt, String nextPath);

    /** Removes the nonce and answers what it was; empty when it is unknown or was taken before. */
    Optional<Issued> take(String nonce);

    /** Forgets nonces handed out before {@code before}; answers how many. */
    int purge(Instant before);
}
