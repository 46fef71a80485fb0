package io.mqttworkbench.message;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Every received message of one connection, in arrival order, in a bounded ring: appends are O(1),
 * access by sequence number is O(1). When either cap (message count or payload bytes) is reached the
 * oldest messages go, and {@link #evictedCount()} says how many; nothing disappears unreported.
 *
 * <p>Messages are numbered from 0 in arrival order; the store holds the numbers
 * {@code [firstSequence(), nextSequence())}. Thread-safe: one thread appends, others read.
 */
public final class MessageStore {

    public static final int DEFAULT_MAX_MESSAGES = 1_000_000;
    /** 512 MiB, or an eighth of the heap when that is smaller, so a few flooded connections cannot exhaust memory. */
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = Math.min(512L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
    private static final int INITIAL_CAPACITY = 1024;

    private int maxMessages;
    private long maxPayloadBytes;
    private ReceivedMessage[] ring = new ReceivedMessage[INITIAL_CAPACITY];
    private long first;
    private long next;
    private long payloadBytes;
    private long evicted;
    private long restored;

    public MessageStore(int maxMessages, long maxPayloadBytes) {
        if (maxMessages < 1 || maxPayloadBytes < 1) {
            throw new IllegalArgumentException("store caps must be positive");
        }
        this.maxMessages = maxMessages;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public MessageStore() {
        this(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public synchronized void append(List<ReceivedMessage> batch) {
        for (ReceivedMessage message : batch) {
            append(message);
        }
    }

    public synchronized void append(ReceivedMessage message) {
        int size = message.payloadSize();
        // Make room first; a single message above the byte cap is still kept, alone.
        while (next > first && (next - first >= maxMessages || payloadBytes + size > maxPayloadBytes)) {
            evictOldest();
        }
        if (next - first == ring.length) {
            grow();
        }
        ring[index(next)] = message;
        next++;
        payloadBytes += size;
    }

    /**
     * Gives a store that has never held a message the newest ones kept from before (oldest first): the log
     * looks as it did before a restart. Does nothing once a message has arrived, as they would be out of
     * order; returns whether it took them.
     */
    public synchronized boolean restore(List<ReceivedMessage> older) {
        if (next != 0 || older.isEmpty()) {
            return false;
        }
        append(older);
        restored = older.size();
        return true;
    }

    /** How many messages {@link #restore} gave back: they were received before, not now. */
    public synchronized long restoredCount() {
        return restored;
    }

    /** The message with this sequence number, or null when it was evicted or cleared (or is not there yet). */
    public synchronized ReceivedMessage get(long sequence) {
        if (sequence < first || sequence >= next) {
            return null;
        }
        return ring[index(sequence)];
    }

    public synchronized long firstSequence() {
        return first;
    }

    public synchronized long nextSequence() {
        return next;
    }

    public synchronized int size() {
        return (int) (next - first);
    }

    public synchronized long payloadBytes() {
        return payloadBytes;
    }

    /** How many messages were pushed out by the caps since the store was made. */
    public synchronized long evictedCount() {
        return evicted;
    }

    public synchronized int maxMessages() {
        return maxMessages;
    }

    public synchronized long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** New caps, from the settings; lowering them drops the oldest messages at once (and counts them). */
    public synchronized void setLimits(int maxMessages, long maxPayloadBytes) {
        if (maxMessages < 1 || maxPayloadBytes < 1) {
            throw new IllegalArgumentException("store caps must be positive");
        }
        this.maxMessages = maxMessages;
        this.maxPayloadBytes = maxPayloadBytes;
        while (next > first && (next - first > maxMessages || payloadBytes > maxPayloadBytes)) {
            evictOldest();
        }
    }

    /**
     * Copies the messages from {@code fromSequence} on (or the oldest kept, if that is later) into
     * {@code into}; returns the sequence number of the first one copied and fills {@code count[0]}.
     * Searches copy in chunks this way so that appends wait at most for one chunk, never for a whole scan.
     */
    public synchronized long copy(long fromSequence, ReceivedMessage[] into, int[] count) {
        long start = Math.max(fromSequence, first);
        int n = (int) Math.max(0, Math.min(into.length, next - start));
        for (int i = 0; i < n; i++) {
            into[i] = ring[index(start + i)];
        }
        count[0] = n;
        return start;
    }

    /** Forgets every message (the user asked to); sequence numbers keep counting. */
    public synchronized void clear() {
        Arrays.fill(ring, null);
        first = next;
        payloadBytes = 0;
    }

    private void evictOldest() {
        int i = index(first);
        payloadBytes -= ring[i].payloadSize();
        ring[i] = null;
        first++;
        evicted++;
    }

    private void grow() {
        int newLength = (int) Math.min((long) ring.length * 2, Math.max(maxMessages, INITIAL_CAPACITY));
        ReceivedMessage[] bigger = new ReceivedMessage[newLength];
        for (long s = first; s < next; s++) {
            bigger[(int) (s % newLength)] = ring[index(s)];
        }
        ring = bigger;
    }

    private int index(long sequence) {
        return (int) (sequence % ring.length);
    }
}
