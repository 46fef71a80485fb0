package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;

/** Every message in the store: a row's position is its sequence number. */
public final class StoreRows implements RowSource {
    private final MessageStore store;

    StoreRows(MessageStore store) {
        this.store = store;
    }

    @Override
    public long first() {
        return store.firstSequence();
    }

    @Override
    public long end() {
        return store.nextSequence();
    }

    @Override
    public ReceivedMessage at(long position) {
        ReceivedMessage message = store.get(position);
        return message == null ? RowWindow.EVICTED : message;
    }

    @Override
    public long sequenceAt(long position) {
        return position;
    }

    @Override
    public void refresh() {
        // the store is the source: nothing to take in
    }
}
