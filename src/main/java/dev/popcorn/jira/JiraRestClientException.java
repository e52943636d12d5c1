package dev.popcorn.jira;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What went wrong talking to Jira: the HTTP status (0 when Jira never answered), Jira's own
 * {@code errorMessages} and per-field {@code errors}, and how long Jira asked us to wait
 * ({@code Retry-After} on 429 and 503). Named and shaped like the exception of the Jira REST
 * Java Client, so its users find their way.
 */
public final class JiraRestClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> errorMessages;
    private final Map<String, String> errors;
    private final transient Duration retryAfter;

    JiraRestClientException(int status, String message, List<String> errorMessages, Map<String, String> errors,
            Duration retryAfter) {
        super(message);
        this.status = status;
        this.errorMessages = List.copyOf(errorMessages);
        this.errors = Map.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or empty when Jira could not be reached or did not answer in time. */
    public Optional<Integer> getStatusCode() {
        return status == 0 ? Optional.empty() : Optional.of(status);
    }

    public List<String> getErrorMessages() {
        return errorMessages;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Worth trying again later: Jira unreachable, slow, rate limiting or failing on its side. */
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
