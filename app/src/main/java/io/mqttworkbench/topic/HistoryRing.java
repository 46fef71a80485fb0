package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;

/** The last messages of one topic, oldest first; grows as needed up to its limit. Not thread-safe. */
final class HistoryRing {
    private ReceivedMessage[] items = new ReceivedMessage[4];
    private int head;
    private int size;

    /**
     * Appends; returns the message pushed out when the ring already held {@code limit}, else null. The
     * caller trims with {@link #removeOldest()} first when it lowers the limit.
     */
    ReceivedMessage add(ReceivedMessage message, int limit) {
        ReceivedMessage evicted = size >= limit ? removeOldest() : null;
        if (size == items.length) {
            grow(Math.min(limit, items.length * 2));
        }
        items[(head + size) % items.length] = message;
        size++;
        return evicted;
    }

    ReceivedMessage removeOldest() {
        if (size == 0) {
            return null;
        }
        ReceivedMessage oldest = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        return oldest;
    }

    int size() {
        return size;
    }

    List<ReceivedMessage> toList() {
        List<ReceivedMessage> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(items[(head + i) % items.length]);
        }
        return list;
    }

    private void grow(int capacity) {
        ReceivedMessage[] bigger = new ReceivedMessage[Math.max(capacity, size + 1)];
        for (int i = 0; i < size; i++) {
            bigger[i] = items[(head + i) % items.length];
        }
        items = bigger;
        head = 0;
    }
}
