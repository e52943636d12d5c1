package dev.popcorn.app;

import java.util.function.Supplier;

/** Runs work atomically: every store call made inside {@code work} commits together or not at all. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in a transaction and, when another writer took the same key at the same moment
     * ({@code store.concurrent}: this transaction was rolled back), once more: the second run sees what the
     * first writer wrote, so an idempotent act answers as the first one did instead of a 409.
     */
    default <T> T retryingOnce(Supplier<T> work) {
        try {
            return inTransaction(work);
        } catch (dev.popcorn.domain.RuleViolation e) {
            if (!"store.concurrent".equals(e.code())) {
                throw e;
            }
            return inTransaction(work);
        }
    }
}
