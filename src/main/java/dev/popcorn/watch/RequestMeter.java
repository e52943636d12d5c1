package dev.popcorn.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Requests by route and status, with their latency ({@code popcorn.http.requests}). The route is the matched
 * template ({@code /api/v1/polls/{id}/ballot}), {@code static} or {@code unmatched}, as the web layer names it —
 * never the path asked for — so the number of series is bounded by the routes, not by what clients invent.
 */
public final class RequestMeter {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public RequestMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void answered(String method, String route, int status, long nanos) {
        Timer.builder("popcorn.http.requests").description("requests answered, by route template and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
