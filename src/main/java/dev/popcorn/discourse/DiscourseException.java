package dev.popcorn.discourse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request to the forum that did not succeed: the HTTP status (0 when there was no answer), the
 * forum's own error texts, and how long it asked Popcorn to wait when it rate-limited us.
 */
public final class DiscourseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<String> errors;
    private final transient Duration retryAfter;

    DiscourseException(int status, String message, List<String> errors, Duration retryAfter) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Unreachable, timed out, rate limited or failing on its side: trying again later may work. */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }
}
