package dev.popcorn.app;

import java.time.Duration;
import java.util.Optional;

/**
 * A write to another system (the tracker, the forum) that did not happen. {@code retryable}
 * failures (unreachable, timed out, rate limited, failing on its side) are tried again later,
 * after {@code retryAfter} when the other side said how long to wait; the others need a person.
 */
public final class DeliveryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Duration retryAfter;

    public DeliveryFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
