package io.tillgate.bench.load;

/**
 * A preallocated log-linear histogram of nanosecond latencies: exact below 128 ns, then 128
 * sub-buckets per power of two (relative error under 0.8 %), up to about 73 minutes. Recording is
 * one array increment and never allocates. Not thread-safe: each worker owns one, and they are
 * merged after the run.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** Highest power of two kept apart: 2^42 ns is about 73 minutes; anything longer is clamped. */
    private static final int MAX_MSB = 42;
    private static final int BUCKETS = (MAX_MSB - SUB_BITS + 2) * SUB_COUNT;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;
    private long sum;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        sum += value;
        if (value > max) {
            max = value;
        }
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long maxNanos() {
        return max;
    }

    double meanNanos() {
        return total == 0 ? Double.NaN : (double) sum / total;
    }

    /** The value at quantile {@code q} (0..1), as the middle of its bucket; NaN when empty. */
    double valueAt(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long low = lowerBound(i);
                long width = width(i);
                return Math.min(max, low + (width - 1) / 2.0);
            }
        }
        return max;
    }

    /** The sum of all recorded values at or above {@code threshold} (bucket resolution). */
    long sumAtOrAbove(long threshold) {
        long total = 0;
        for (int i = index(threshold); i < BUCKETS; i++) {
            if (counts[i] > 0) {
                total += counts[i] * (lowerBound(i) + (width(i) - 1) / 2);
            }
        }
        return total;
    }

    static int index(long value) {
        if (value < SUB_COUNT) {
            return (int) value;
        }
        int msb = 63 - Long.numberOfLeadingZeros(value);
        if (msb > MAX_MSB) {
            return BUCKETS - 1;
        }
        int shift = msb - SUB_BITS;
        return (shift + 1) * SUB_COUNT + (int) ((value >>> shift) - SUB_COUNT);
    }

    static long lowerBound(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = index / SUB_COUNT - 1;
        return ((long) (index % SUB_COUNT + SUB_COUNT)) << shift;
    }

    private static long width(int index) {
        return index < SUB_COUNT ? 1 : 1L << (index / SUB_COUNT - 1);
    }
}
