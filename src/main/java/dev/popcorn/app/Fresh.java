package dev.popcorn.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Things as read a moment ago (a poll's rules, a release's deadline), what a hot write is first checked
 * against on the request's thread. Never the last word: the batch that writes checks again against the
 * thing as it is then (ADR 0020). Freshness is measured on the monotonic clock (a cache's age, not a time
 * of the loop); what is not found is never kept, and at most {@code MOST} things are.
 */
public final class Fresh<K, V> {

    private static final int MOST = 1000;

    private record Read<V>(V value, long at) {
    }

    private final Function<K, Optional<V>> reader;
    private final long freshNanos;
    private final Map<K, Read<V>> read = new ConcurrentHashMap<>();

    public Fresh(Function<K, Optional<V>> reader, Duration fresh) {
        this.reader = reader;
        this.freshNanos = fresh.toNanos();
    }

    /** The thing as read less than the freshness ago, or read now. */
    public Optional<V> get(K key) {
        long now = System.nanoTime();
        Read<V> known = read.get(key);
        if (known != null && now - known.at() < freshNanos) {
            return Optional.of(known.value());
        }
        Optional<V> value = reader.apply(key);
        if (value.isPresent()) {
            if (read.size() >= MOST) {
                read.clear();
            }
            read.put(key, new Read<>(value.get(), now));
        }
        return value;
    }

    /** Reads the thing again next time (a write was refused against it as it is now). */
    public void forget(K key) {
        read.remove(key);
    }
}
