package dev.popcorn.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every call out, measured (ADR 0029): {@code popcorn.outside.calls}, a timer by target system ({@code jira},
 * {@code forum}, {@code slack}, {@code photos}), outcome and status class, and {@code popcorn.outside.throttled},
 * the 429s each system answered. Recorded in Micrometer's global registry: the connectors are made deep inside
 * their adapters, one per system and process, and the server adds its own registry to the global one while it runs.
 */
public final class Calls {

    /** The buckets of the latency histogram: from a quick answer to the longest timeout a system is given. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    /** The systems called, as the labels name them. */
    static final java.util.List<String> TARGETS = java.util.List.of("jira", "forum", "slack", "photos");

    private Calls() {
    }

    /**
     * Each system's 429 counter in {@code registry} from the start, at 0, so that an alert on its increase has a
     * series before the first 429 (the calls' timers appear with the first call).
     */
    public static void countFromZero(io.micrometer.core.instrument.MeterRegistry registry) {
        TARGETS.forEach(target -> throttled(target).register(registry));
    }

    private static Counter.Builder throttled(String target) {
        return Counter.builder("popcorn.outside.throttled")
                .description("429 answers: the system asked Popcorn to slow down")
                .tag("target", target);
    }

    /** The system a connector calls, as a label: its messages' name mapped to a short, fixed word. */
    static String target(String name) {
        return switch (name) {
            case "Jira" -> "jira";
            case "the forum" -> "forum";
            case "the chat webhook" -> "slack";
            case "the photo's host" -> "photos";
            default -> "other";
        };
    }

    /** A call that got an answer with {@code status}. */
    static void answered(String target, int status, long nanos) {
        String outcome = status == 429 ? "throttled" : status >= 500 ? "failed" : status >= 400 ? "refused" : "ok";
        timer(target, outcome, (status / 100) + "xx").record(nanos, TimeUnit.NANOSECONDS);
        if (status == 429) {
            throttled(target).register(Metrics.globalRegistry).increment();
        }
    }

    /** A call that got no answer: timed out, unreachable, broken off, too large, or held back by a Retry-After. */
    static void unanswered(String target, ConnectorException.Failure failure, long nanos) {
        timer(target, failure.name().toLowerCase(Locale.ROOT), "none").record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Timer timer(String target, String outcome, String status) {
        return Timer.builder("popcorn.outside.calls")
                .description("calls to Jira, the forum, the chat webhook and photo hosts")
                .tag("target", target).tag("outcome", outcome).tag("status", status).serviceLevelObjectives(BUCKETS)
                .register(Metrics.globalRegistry);
    }
}
