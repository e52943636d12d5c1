package dev.popcorn.app;

import java.time.Duration;
import java.util.Optional;

/**
 * A write to another system (the tracker, the forum) that did not happen. {@code retryable}
 * failures (unreachable, timed out, rate limited, failing on its side) are tried again later,
 * after {@code retryAfter} when the other side said how long to wait (a wait it asked for spends no
 * attempt); the others need a person, and {@code advice} (a message code, or empty) tells them what to do.
 */
public final class DeliveryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The advice beside a write refused because another Popcorn database wrote this installation's data there
     * (a reinstall with a fresh data folder that kept the configured installation id).
     */
    public static final String ANOTHER_DATABASE = "outbox.advice.anotherDatabase";

    private final boolean retryable;
    private final transient Duration retryAfter;
    private final String advice;

    public DeliveryFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        this(message, retryable, retryAfter, cause, "");
    }

    public DeliveryFailure(String message, boolean retryable, Duration retryAfter, Throwable cause, String advice) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.advice = advice;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the other side asked to wait (429 or 503 with {@code Retry-After}); empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A message code saying what a person can do about it (grant a permission, say); empty when there is none. */
    public String advice() {
        return advice;
    }
}
