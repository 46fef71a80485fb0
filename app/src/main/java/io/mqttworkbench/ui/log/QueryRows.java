package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The messages a query found, by sequence number; messages that arrive later and match are added at each
 * {@link #refresh()}, so a filtered log stays live. Matches the store has dropped fall off the front.
 */
public final class QueryRows implements RowSource {
    private final MessageStore store;
    private final Predicate<ReceivedMessage> matcher;
    private long[] sequences;
    private int size;
    /** Messages from here on have not been looked at yet. */
    private long scannedUpTo;

    QueryRows(MessageStore store, long[] found, long scannedUpTo, Predicate<ReceivedMessage> matcher) {
        this.store = store;
        this.matcher = matcher;
        this.sequences = found.length == 0 ? new long[16] : found;
        this.size = found.length;
        this.scannedUpTo = scannedUpTo;
    }

    /** The first match the store still holds (sequence numbers only grow, so a binary search finds it). */
    @Override
    public long first() {
        int found = Arrays.binarySearch(sequences, 0, size, store.firstSequence());
        return found >= 0 ? found : -found - 1;
    }

    @Override
    public long end() {
        return size;
    }

    @Override
    public ReceivedMessage at(long position) {
        ReceivedMessage message = store.get(sequences[(int) position]);
        return message == null ? RowWindow.EVICTED : message;
    }

    @Override
    public long sequenceAt(long position) {
        return sequences[(int) position];
    }

    /** How many matches the store still holds. */
    long count() {
        return end() - first();
    }

    @Override
    public void refresh() {
        long next = store.nextSequence();
        if (next == scannedUpTo) {
            return;
        }
        for (long s = Math.max(scannedUpTo, store.firstSequence()); s < next; s++) {
            ReceivedMessage message = store.get(s);
            if (message != null && matcher.test(message)) {
                if (size == sequences.length) {
                    sequences = Arrays.copyOf(sequences, size * 2);
                }
                sequences[size++] = s;
            }
        }
        scannedUpTo = next;
    }
}
