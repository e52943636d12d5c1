package dev.popcorn;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what a server does in the background (an outbox delivery, a scheduled step) by asking again until it holds.
 * The limit is generous, for a busy machine: it bounds a test that would otherwise hang, it asserts nothing about speed.
 */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Asks {@code condition} until it holds; after {@code within}, fails naming {@code what} and what was seen. */
    public static void holds(String what, Duration within, BooleanSupplier condition, Supplier<String> seen) {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what + "; " + seen.get());
            }
            pause(PAUSE);
        }
    }

    /** {@link #holds(String, Duration, BooleanSupplier, Supplier)} with nothing more to say when it fails. */
    public static void holds(String what, Duration within, BooleanSupplier condition) {
        holds(what, within, condition, () -> "");
    }

    /** Lets the background run for a while, for a check that something did not happen. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
