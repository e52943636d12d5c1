package dev.popcorn.watch;

import java.time.Instant;
import java.util.List;

/**
 * What the metrics read from the database when they are scraped (ADR 0029): the outbox's writes waiting or given
 * up, by kind, and the award's polls open with their ballots so far. Each is one cheap query over an index.
 */
public interface Readings {

    /**
     * The outbox's tasks of one kind: {@code pending} waiting to be delivered, {@code failed} given up on (a person
     * has to look), and since when the oldest pending one has waited (its first try of this round, else when it was
     * due); null when none is pending.
     */
    record OutboxKind(String kind, long pending, long failed, Instant oldestPendingSince) {
    }

    /** Polls accepting ballots at {@code now}, and the ballots cast in them so far. */
    record Award(long pollsOpen, long ballots) {
    }

    List<OutboxKind> outbox();

    Award award(Instant now);
}
