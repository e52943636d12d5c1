package dev.popcorn.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that got no usable answer, and why. The message names the system and the request
 * (method and path, or only the host where the path is a secret) and never a header or a secret.
 */
public final class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why there is no answer. */
    public enum Failure {
        /** Nothing answered in time: the request may have arrived. */
        TIMEOUT,
        /** No connection was made: the request did not arrive. */
        UNREACHABLE,
        /** The connection broke off after the request went out: it may have arrived. */
        BROKEN_OFF,
        /** The answer was larger than this connector accepts. */
        TOO_LARGE,
        /** The other side asked to wait longer than a request may: nothing was sent. */
        HELD,
        INTERRUPTED
    }

    private final Failure failure;
    private final transient Duration wait;

    public ConnectorException(Failure failure, String message, Duration wait, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.wait = wait;
    }

    public Failure failure() {
        return failure;
    }

    /** For {@link Failure#HELD}: how much longer the other side asked to wait. */
    public Optional<Duration> waitFor() {
        return Optional.ofNullable(wait);
    }

    /** Whether the request certainly did not arrive, so that sending it again cannot repeat it. */
    public boolean notSent() {
        return failure == Failure.UNREACHABLE || failure == Failure.HELD;
    }
}
