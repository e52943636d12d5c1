package dev.popcorn.config;

import java.time.Duration;
import java.util.List;

/**
 * The write path under a surge (ADR 0020): how many ballots and reports one transaction commits at most,
 * how long a batch waits for more after its first, how many wait at most (beyond: 503 with
 * {@code Retry-After}), and how many reviews of standing the writes bring are done a second.
 */
public record WritesConfig(int batchSize, Duration linger, int queue, int reviewsPerSecond) {

    /** The writes.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("writes.batch-size", "500",
                    "most ballots and reports committed in one transaction (1–10000)"),
            Key.of("writes.batch-wait-ms", "0",
                    "how long a batch waits for more writes after its first, in milliseconds (0–1000; 0: a batch takes what"
                            + " waits when the writer is free, and the writes that come while it commits make the next one)"),
            Key.of("writes.queue", "20000",
                    "most writes waiting for their batch; beyond it a write is answered 503 with Retry-After (1–1000000)"),
            Key.of("writes.reviews-per-second", "100",
                    "reviews of standing (levels, badges) per second that new ballots and reports bring (1–100000)"));

    /** Reads the writes.* keys. */
    public static WritesConfig from(Values v) {
        return new WritesConfig(v.integer("writes.batch-size", 1, 10_000),
                Duration.ofMillis(v.integer("writes.batch-wait-ms", 0, 1000)), v.integer("writes.queue", 1, 1_000_000),
                v.integer("writes.reviews-per-second", 1, 100_000));
    }
}
