package dev.popcorn.app;

import java.util.function.Supplier;

/** Runs work atomically: every store call made inside {@code work} commits together or not at all. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
