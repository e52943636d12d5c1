package dev.popcorn.web.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs unexpected failures so that one client cannot flood the log: the first failure of a kind (its
 * exception and where it was thrown) with its stack trace, then one line at the 2nd, 4th, 8th, … time
 * with the count so far. A fault repeated a million times costs about twenty lines.
 */
public final class FaultLog {

    /** Kinds remembered at most; past it, new kinds are counted together (a flood of distinct faults is a fault too). */
    private static final int KINDS = 1_000;

    private final Logger log;
    private final ConcurrentHashMap<String, AtomicLong> seen = new ConcurrentHashMap<>();

    public FaultLog(Logger log) {
        this.log = log;
    }

    /** Records {@code failure}; returns whether it was written out in full (its first time). */
    public boolean record(String what, Throwable failure) {
        String kind = kind(failure);
        if (seen.size() >= KINDS && !seen.containsKey(kind)) {
            kind = "(other kinds)";
        }
        long count = seen.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (count == 1) {
            log.error(what, failure);
            return true;
        }
        if (Long.bitCount(count) == 1) {
            log.error("{} again: {} ({} times so far; the first was logged with its stack trace)", what, failure,
                    count);
        }
        return false;
    }

    private static String kind(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName() + (trace.length > 0 ? "@" + trace[0] : "");
    }
}
