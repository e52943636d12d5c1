package dev.popcorn.app.identity;

import java.time.Instant;

/**
 * The forum sign-ins that came back: each nonce the forum answered is remembered until it
 * expires, so that it works once, on any instance. Starting a sign-in records nothing.
 */
public interface SignInNonces {

    /** Records the nonce as used until {@code expiresAt}; false when it was used before (on any instance). */
    boolean use(String nonce, Instant expiresAt);

    /** Forgets nonces that expired before {@code now}; answers how many. */
    int purge(Instant now);

    /** How many used nonces are remembered: what sign-in costs the database. */
    long count();
}
