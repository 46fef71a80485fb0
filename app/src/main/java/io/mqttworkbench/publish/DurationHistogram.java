package io.mqttworkbench.publish;

/**
 * Durations in nanoseconds (how late a replayed message left, how long a benchmark message took), kept
 * in a fixed number of log-linear buckets (64 per power of two, so a percentile is within 1.6 % of the
 * truth) instead of one value per message: a replay of a day's capture must not grow the heap by eight
 * bytes a message. Thread-safe.
 */
public final class DurationHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[(64 - SUB_BITS + 1) * SUB];
    private long total;
    private long max;

    public synchronized void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    public synchronized long count() {
        return total;
    }

    public synchronized double maxMillis() {
        return max / 1e6;
    }

    /** The p-th percentile (0 to 1) in milliseconds; 0 when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, upperBound(i)) / 1e6;
            }
        }
        return max / 1e6;
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
        return (exponent - SUB_BITS + 1) * SUB + sub;
    }

    /** The largest value that falls in bucket i. */
    static long upperBound(int i) {
        if (i < SUB) {
            return i;
        }
        int exponent = i / SUB + SUB_BITS - 1;
        long sub = i % SUB;
        long low = (SUB + sub) << (exponent - SUB_BITS);
        return low + (1L << (exponent - SUB_BITS)) - 1;
    }
}
