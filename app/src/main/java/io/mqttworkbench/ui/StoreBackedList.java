package io.mqttworkbench.ui;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable view of a {@link MessageStore} for virtualised tables: it holds no copies,
 * and {@link #refresh()} (once per frame) reports what was appended and evicted since the last call as
 * one change. A million rows cost the table nothing until they scroll into view.
 */
final class StoreBackedList extends ObservableListBase<ReceivedMessage> {

    /** Stands in for a row the store evicted between two frames; replaced at the next refresh. */
    static final ReceivedMessage EVICTED = new ReceivedMessage("(dropped from the store)", new byte[0], 0, false, false, 0, 0,
            MessageProperties.NONE);

    private final MessageStore store;
    private long first;
    private long next;

    StoreBackedList(MessageStore store) {
        this.store = store;
        this.first = store.firstSequence();
        this.next = store.nextSequence();
    }

    @Override
    public ReceivedMessage get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        ReceivedMessage message = store.get(first + index);
        return message == null ? EVICTED : message;
    }

    @Override
    public int size() {
        return (int) (next - first);
    }

    /** The sequence number the next row will have: what the view has taken in so far. */
    long nextSequence() {
        return next;
    }

    /** The sequence number of the row at {@code index}. */
    long sequenceAt(int index) {
        return first + index;
    }

    /** Brings the view up to date with the store; returns true when rows changed. JavaFX thread. */
    boolean refresh() {
        long newFirst = store.firstSequence();
        long newNext = store.nextSequence();
        if (newFirst == first && newNext == next) {
            return false;
        }
        int oldSize = size();
        int removed = (int) Math.min(Math.max(newFirst - first, 0), oldSize);
        long keptEnd = Math.max(next, newFirst);
        first = newFirst;
        next = newNext;
        beginChange();
        if (removed > 0) {
            nextRemove(0, placeholders(removed));
        }
        int added = (int) (newNext - keptEnd);
        if (added > 0) {
            nextAdd(size() - added, size());
        }
        endChange();
        return true;
    }

    private static List<ReceivedMessage> placeholders(int count) {
        return new AbstractList<>() {
            @Override
            public ReceivedMessage get(int index) {
                return EVICTED;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }
}
