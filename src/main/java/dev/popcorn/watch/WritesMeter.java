package dev.popcorn.watch;

import dev.popcorn.app.GroupCommitWatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The group commit (ADR 0020) as an operator watches it under a surge: the writes waiting for their batch
 * ({@code popcorn.writes.queue}), the writes each batch committed ({@code popcorn.writes.batch}), how long each
 * batch's transaction took ({@code popcorn.writes.commit}), and the writes refused because the queue was full
 * ({@code popcorn.writes.refused}).
 */
public final class WritesMeter implements GroupCommitWatch {

    private final DistributionSummary batches;
    private final Timer commits;
    private final Counter refused;

    public WritesMeter(MeterRegistry registry) {
        this.batches = DistributionSummary.builder("popcorn.writes.batch").baseUnit("writes")
                .description("ballots and reports committed in one transaction")
                .serviceLevelObjectives(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000).register(registry);
        this.commits = Timer.builder("popcorn.writes.commit").description("how long a batch's transaction took")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry);
        this.refused = Counter.builder("popcorn.writes.refused")
                .description("ballots and reports answered 503 at once: the queue was full").register(registry);
    }

    /** The queue's depth, read from the writer at each scrape. */
    public void watchQueue(MeterRegistry registry, IntSupplier waiting) {
        Gauge.builder("popcorn.writes.queue", waiting, IntSupplier::getAsInt).baseUnit("writes")
                .description("ballots and reports waiting for their batch").strongReference(true).register(registry);
    }

    @Override
    public void committed(int writes, long nanos) {
        batches.record(writes);
        commits.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refusedFull() {
        refused.increment();
    }
}
