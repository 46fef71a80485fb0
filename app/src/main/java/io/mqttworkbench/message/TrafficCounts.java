package io.mqttworkbench.message;

import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * How many messages arrived when: what the timeline above the message log draws. Asked off the JavaFX
 * thread; a count can be abandoned when the user has already moved on.
 */
public interface TrafficCounts {

    /** Counts per bucket: bucket i covers {@code [fromMillis + i * bucketMillis, fromMillis + (i + 1) * bucketMillis)}. */
    record Buckets(long fromMillis, long bucketMillis, long[] counts) {
        public long total() {
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            return sum;
        }

        public long max() {
            long max = 0;
            for (long c : counts) {
                max = Math.max(max, c);
            }
            return max;
        }

        public long toMillis() {
            return fromMillis + bucketMillis * counts.length;
        }
    }

    /**
     * The messages that match {@code query} in {@code [fromMillis, toMillis)}, in {@code buckets} equal
     * buckets; null when {@code cancelled} said stop.
     */
    Buckets count(MessageQuery query, long fromMillis, long toMillis, int buckets, BooleanSupplier cancelled);

    /** The arrival time of the oldest message kept, if any. */
    OptionalLong oldestMillis();
}
