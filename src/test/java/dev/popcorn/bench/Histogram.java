package dev.popcorn.bench;

/**
 * Latencies in microseconds in log-linear buckets (64 per power of two, so a percentile is off by
 * under 1.6 %; below 128 µs exact), with the exact maximum. Recording is an array increment, cheap
 * enough for every answer on the generator's one thread; it is not thread-safe and is read only
 * after that thread is done.
 */
final class Histogram {

    private static final int LINEAR = 128;
    private static final int SUB = 64;

    private final long[] counts = new long[LINEAR + 58 * SUB];
    private long total;
    private long max;
    private long sum;

    void record(long micros) {
        long value = Math.max(0, micros);
        counts[index(value)]++;
        total++;
        sum += value;
        max = Math.max(max, value);
    }

    void add(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** The smallest recorded bucket's upper bound below which {@code percent} % of the values lie (0 when empty). */
    long percentile(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - 6;
        return LINEAR + (shift - 1) * SUB + (int) ((value >> shift) - SUB);
    }

    static long upperBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB + 1;
        long base = (index - LINEAR) % SUB + SUB;
        return ((base + 1) << shift) - 1;
    }
}
