package dev.popcorn.app;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed webhook delivery is acted on once. The vendors sign the body and nothing else (no
 * time, no delivery id in the signature), so whoever saw one delivery could send it again, say a
 * forum's "joined the lead group" after the user left it. Each verified delivery is remembered by
 * the SHA-256 of its body, the part the signature covers, for a year; the same again is answered
 * and ignored, whatever unsigned headers came with it. (The forum sends the same body for "added
 * to a group" and "removed from it", telling them apart only in an unsigned header: such a
 * delivery is acted on by asking the forum what holds now, see ForumAccounts, never by the header.)
 */
public final class Replays {

    /** How long a delivery is remembered: longer than any secret should live unchanged. */
    public static final Duration MEMORY = Duration.ofDays(400);

    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public Replays(WebhookDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** True the first time {@code sender} sends this signed body; false for a replay. */
    public boolean firstTime(String sender, byte[] body) {
        Instant now = clock.instant();
        deliveries.purge(now.minus(MEMORY));
        return deliveries.first(sender, digest(body), now);
    }

    private static String digest(byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
