package dev.popcorn.capability;

import java.time.Duration;

/**
 * Work a capability runs without a request: first after {@code first}, then {@code every} after each run ended. A job
 * {@code alone} runs on a thread of its own, so that a long round (a review of every fan) never holds back the
 * others. Every job must be safe on several instances at once; a failure is logged and tried next time.
 */
public record Job(String what, Duration first, Duration every, boolean alone, Runnable work) {

    public Job {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException(what + ": a job runs every positive while, not " + every);
        }
    }

    /** A job on the shared background thread. */
    public static Job every(String what, Duration first, Duration every, Runnable work) {
        return new Job(what, first, every, false, work);
    }
}
