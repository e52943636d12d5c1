package dev.popcorn.app;

import java.time.Instant;

/**
 * The webhook deliveries taken, by sender and a digest of the signed body: a body already taken is
 * a replay. Kept for a long while (the signature covers the body only, so an old body stays
 * replayable for as long as its secret is unchanged).
 */
public interface WebhookDeliveries {

    /** Records the delivery; false when the same sender sent the same body before (on any instance). */
    boolean first(String sender, String digest, Instant at);

    /** Forgets deliveries taken before {@code before}; answers how many. */
    int purge(Instant before);
}
