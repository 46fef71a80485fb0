package io.mqttworkbench.message;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Counts over the messages in memory: a scan in chunks (appends wait at most for one chunk), with the
 * query's matcher, so the timeline agrees with what a search finds.
 */
public final class StoreCounts implements TrafficCounts {
    private static final int CHUNK = 8192;

    private final MessageStore store;
    private final DecoderRegistry decoders;

    public StoreCounts(MessageStore store, DecoderRegistry decoders) {
        this.store = store;
        this.decoders = decoders;
    }

    @Override
    public Buckets count(MessageQuery query, long fromMillis, long toMillis, int buckets, BooleanSupplier cancelled) {
        long span = Math.max(1, toMillis - fromMillis);
        long bucketMillis = Math.max(1, (span + buckets - 1) / buckets);
        long[] counts = new long[buckets];
        MessageMatcher matcher = query.isEmpty() ? null : new MessageMatcher(query, decoders);
        ReceivedMessage[] chunk = new ReceivedMessage[CHUNK];
        int[] copied = new int[1];
        long next = store.firstSequence();
        while (true) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            long start = store.copy(next, chunk, copied);
            if (copied[0] == 0) {
                break;
            }
            for (int i = 0; i < copied[0]; i++) {
                ReceivedMessage m = chunk[i];
                long t = m.receivedEpochMillis();
                if (t >= fromMillis && t < toMillis && (matcher == null || matcher.test(m))) {
                    int bucket = (int) Math.min(buckets - 1, (t - fromMillis) / bucketMillis);
                    counts[bucket]++;
                }
                chunk[i] = null;
            }
            next = start + copied[0];
        }
        return new Buckets(fromMillis, bucketMillis, counts);
    }

    @Override
    public OptionalLong oldestMillis() {
        ReceivedMessage oldest = store.get(store.firstSequence());
        return oldest == null ? OptionalLong.empty() : OptionalLong.of(oldest.receivedEpochMillis());
    }
}
