package io.mqttworkbench.topic;

/**
 * Messages per second over the last few seconds, from one-second buckets: constant memory and O(1)
 * per message. Times are {@link System#nanoTime()} values taken at arrival, so a recorded stream gives
 * the same figures every time it is fed in.
 */
final class RateMeter {

    /** The window, in seconds: the current (partial) one and those before it. */
    static final int SECONDS = 5;
    private static final long SECOND = 1_000_000_000L;

    private final int[] buckets = new int[SECONDS];
    /** The newest second (nanos / 1e9, floored) that has a bucket; nothing recorded yet when unset. */
    private long newestSecond;
    private boolean started;
    private long firstNanos;

    void record(long nanos) {
        long second = Math.floorDiv(nanos, SECOND);
        if (!started) {
            started = true;
            firstNanos = nanos;
            newestSecond = second;
        } else if (second > newestSecond) {
            for (long s = Math.max(newestSecond + 1, second - SECONDS + 1); s <= second; s++) {
                buckets[slot(s)] = 0;
            }
            newestSecond = second;
        } else if (second <= newestSecond - SECONDS) {
            return; // older than the window: a late arrival that no longer counts
        }
        buckets[slot(second)]++;
    }

    /** The average rate over the window ending at {@code nowNanos}, the current second counted pro rata. */
    double perSecond(long nowNanos) {
        if (!started) {
            return 0;
        }
        long now = Math.floorDiv(nowNanos, SECOND);
        long total = 0;
        for (long s = Math.max(now - SECONDS + 1, newestSecond - SECONDS + 1); s <= Math.min(now, newestSecond); s++) {
            total += buckets[slot(s)];
        }
        double window = (SECONDS - 1) + (double) Math.floorMod(nowNanos, SECOND) / SECOND;
        // A topic seen for the first time a moment ago has not had the whole window yet.
        double seen = Math.max(1.0, (double) (nowNanos - firstNanos) / SECOND);
        return total / Math.min(window, seen);
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) SECONDS);
    }
}
