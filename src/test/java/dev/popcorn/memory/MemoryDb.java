package dev.popcorn.memory;

import dev.popcorn.app.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The tables of the in-memory stores and their transactions: one lock serialises every read and
 * write (as a database's serialisable isolation would), and a transaction that throws puts every
 * table back as it was. Rows are immutable records, so a snapshot is a copy of each map.
 */
public final class MemoryDb implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Map<Object, Object>> tables = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final String databaseId = java.util.UUID.randomUUID().toString();
    private int depth;

    /** This database's own id, as {@code database_identity} holds it on H2 and PostgreSQL. */
    String databaseId() {
        return databaseId;
    }

    /** A new table, kept in insertion order and taking part in transactions. */
    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> table() {
        Map<Object, Object> table = new LinkedHashMap<>();
        tables.add(table);
        return (Map<K, V>) (Map<?, ?>) table;
    }

    /** The next id of any table (like a sequence, it is not given back by a rollback). */
    long nextId() {
        return ids.incrementAndGet();
    }

    /** Runs one statement: under the lock, so no other thread sees it half done. */
    <T> T with(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable work) {
        with(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                return work.get();
            }
            List<Map<Object, Object>> snapshot = tables.stream().<Map<Object, Object>>map(LinkedHashMap::new).toList();
            depth++;
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                for (int i = 0; i < tables.size(); i++) {
                    tables.get(i).clear();
                    tables.get(i).putAll(snapshot.get(i));
                }
                throw e;
            } finally {
                depth--;
            }
        } finally {
            lock.unlock();
        }
    }
}
