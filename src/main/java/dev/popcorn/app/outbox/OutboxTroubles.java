package dev.popcorn.app.outbox;

import dev.popcorn.app.outbox.OutboxStore.Task;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lead sees of the outbox and does about it: how many tasks wait, fail or are done, the ones in trouble, and
 * trying the failed ones again. Apart from {@link Outbox}, which delivers, so that a page can show the outbox without
 * knowing every capability's handlers.
 */
public final class OutboxTroubles {

    private final OutboxStore store;
    private final Clock clock;

    public OutboxTroubles(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A lead asks to try every failed task again (after fixing a token, say); answers how many. */
    public int retryFailed() {
        return store.retryFailed(clock.instant());
    }

    /** How many tasks are in each state. */
    public Map<OutboxStore.State, Long> counts() {
        return store.counts();
    }

    /** The failed tasks and those waiting to be tried again, the oldest first, at most {@code limit}. */
    public List<Task> troubles(int limit) {
        return store.troubles(limit);
    }

    /** The task with this kind and ref, if one was filed. */
    public Optional<Task> task(String kind, String ref) {
        return store.find(kind, ref);
    }
}
