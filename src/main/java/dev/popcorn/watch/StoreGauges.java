package dev.popcorn.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The gauges read from the database (ADR 0029): per target system, the outbox's depth ({@code popcorn.outbox.pending}),
 * its writes given up on ({@code popcorn.outbox.failed}) and how long its oldest pending write has waited
 * ({@code popcorn.outbox.oldest.age}); the award's polls open and their ballots so far. One scrape reads the
 * database once, whatever the number of gauges: the readings are kept for {@link #FRESH}.
 */
public final class StoreGauges {

    /** The systems the outbox writes to; each has its series, at 0 while nothing waits for it. */
    public static final List<String> TARGETS = List.of("jira", "forum", "slack");
    /** How long one reading serves: the gauges of one scrape share it; the next scrape reads again. */
    static final Duration FRESH = Duration.ofSeconds(1);

    private record Snapshot(long takenNanos, Map<String, double[]> outbox, Readings.Award award) {
    }

    private final Readings readings;
    private final Function<String, String> targetOfKind;
    private final Clock clock;
    private Snapshot snapshot;

    /** {@code targetOfKind} names the system an outbox task's kind writes to (one of {@link #TARGETS}). */
    public StoreGauges(Readings readings, Function<String, String> targetOfKind, Clock clock) {
        this.readings = readings;
        this.targetOfKind = targetOfKind;
        this.clock = clock;
    }

    /** Registers the gauges; they hold on to this (Micrometer's gauges otherwise let go of what they read). */
    public void bindTo(MeterRegistry registry) {
        for (String target : TARGETS) {
            outboxGauge(registry, "popcorn.outbox.pending", "writes waiting to be delivered", target, null, s -> s[0]);
            outboxGauge(registry, "popcorn.outbox.failed", "writes given up on: a person has to look", target, null,
                    s -> s[1]);
            outboxGauge(registry, "popcorn.outbox.oldest.age", "how long the oldest pending write has waited", target,
                    "seconds", s -> s[2]);
        }
        Gauge.builder("popcorn.award.polls.open", this, g -> g.now().award().pollsOpen())
                .description("award polls accepting ballots").strongReference(true).register(registry);
        Gauge.builder("popcorn.award.ballots", this, g -> g.now().award().ballots())
                .description("ballots cast so far in the polls open now").strongReference(true).register(registry);
    }

    private void outboxGauge(MeterRegistry registry, String name, String description, String target, String unit,
            ToDoubleFunction<double[]> part) {
        Gauge.builder(name, this, g -> part.applyAsDouble(g.now().outbox().getOrDefault(target, new double[3])))
                .description(description).baseUnit(unit).tag("target", target).strongReference(true).register(registry);
    }

    /** The readings, taken again when the last ones are older than {@link #FRESH}. */
    private synchronized Snapshot now() {
        long nanos = System.nanoTime();
        if (snapshot == null || nanos - snapshot.takenNanos() > FRESH.toNanos()) {
            snapshot = read(nanos);
        }
        return snapshot;
    }

    private Snapshot read(long nanos) {
        Instant now = clock.instant();
        Map<String, double[]> byTarget = new LinkedHashMap<>();
        for (Readings.OutboxKind kind : readings.outbox()) {
            double[] sums = byTarget.computeIfAbsent(targetOfKind.apply(kind.kind()), t -> new double[3]);
            sums[0] += kind.pending();
            sums[1] += kind.failed();
            if (kind.oldestPendingSince() != null) {
                double waited = Math.max(0, Duration.between(kind.oldestPendingSince(), now).toMillis() / 1000.0);
                sums[2] = Math.max(sums[2], waited);
            }
        }
        return new Snapshot(nanos, byTarget, readings.award(now));
    }
}
