package io.mqttworkbench.ui;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Arrays;
import java.util.function.Predicate;
import javafx.collections.ObservableListBase;

/**
 * The messages a query found, as a virtual list over their sequence numbers; messages that arrive
 * later and match are added at each {@link #refresh()}, so a filtered log stays live. Rows the store
 * has since dropped show as {@link StoreBackedList#EVICTED}.
 */
final class QueryResultList extends ObservableListBase<ReceivedMessage> {
    private final MessageStore store;
    private final Predicate<ReceivedMessage> matcher;
    private long[] sequences;
    private int size;
    /** Messages from here on have not been looked at yet. */
    private long scannedUpTo;

    QueryResultList(MessageStore store, long[] found, long scannedUpTo, Predicate<ReceivedMessage> matcher) {
        this.store = store;
        this.matcher = matcher;
        this.sequences = found.length == 0 ? new long[16] : found;
        this.size = found.length;
        this.scannedUpTo = scannedUpTo;
    }

    @Override
    public ReceivedMessage get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        ReceivedMessage message = store.get(sequences[index]);
        return message == null ? StoreBackedList.EVICTED : message;
    }

    @Override
    public int size() {
        return size;
    }

    long sequenceAt(int index) {
        return sequences[index];
    }

    /** Tests what arrived since the last call and appends the matches. JavaFX thread, once per frame. */
    boolean refresh() {
        long next = store.nextSequence();
        if (next == scannedUpTo) {
            return false;
        }
        int before = size;
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
        if (size == before) {
            return false;
        }
        beginChange();
        nextAdd(before, size);
        endChange();
        return true;
    }
}
