package io.mqttworkbench.publish;

import java.util.BitSet;

/**
 * What a benchmark's subscriber saw, per publisher: how many arrived, which were seen twice, which came
 * after a later one, and (at the end) which never came; with how long each took. One BitSet per
 * publisher, so memory grows with the messages received, one bit each. Used by one thread.
 */
public final class DeliveryTally {
    private final long perClient;
    private final BitSet[] seen;
    private final long[] highest;
    private final DurationHistogram latency = new DurationHistogram();
    private long received;
    private long duplicates;
    private long outOfOrder;
    private long foreign;

    /** @param perClient how many messages each publisher sends, numbered 1 to perClient */
    public DeliveryTally(int clients, long perClient) {
        if (perClient > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("at most " + (Integer.MAX_VALUE - 1) + " messages per client");
        }
        this.perClient = perClient;
        this.seen = new BitSet[clients];
        this.highest = new long[clients];
        for (int i = 0; i < clients; i++) {
            seen[i] = new BitSet(); // grows with what arrives, not with what was planned: -n 2000000000 must not allocate 250 MB up front
        }
    }

    /** Counts one received payload, timed against {@code receivedNanos} (same clock as the sender's). */
    public void record(byte[] payload, long receivedNanos) {
        BenchPayload message = BenchPayload.parse(payload).orElse(null);
        if (message == null || message.client() >= seen.length || message.sequence() > perClient) {
            foreign++;
            return;
        }
        int client = message.client();
        int sequence = (int) message.sequence();
        if (seen[client].get(sequence)) {
            duplicates++;
            return;
        }
        seen[client].set(sequence);
        received++;
        if (sequence < highest[client]) {
            outOfOrder++;
        }
        highest[client] = Math.max(highest[client], sequence);
        latency.record(receivedNanos - message.sentNanos());
    }

    /** Distinct benchmark messages received. */
    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Arrived after one the same publisher sent later (MQTT keeps order per publisher at QoS 1 and 2). */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Messages on the topic that were not this benchmark's. */
    public long foreign() {
        return foreign;
    }

    /** Of those the publishers sent ({@code sentPerClient[i]} by publisher i), how many never arrived. */
    public long lost(long[] sentPerClient) {
        long lost = 0;
        for (int i = 0; i < seen.length; i++) {
            lost += Math.max(0, Math.min(sentPerClient[i], perClient) - seen[i].cardinality());
        }
        return lost;
    }

    public DurationHistogram latency() {
        return latency;
    }
}
