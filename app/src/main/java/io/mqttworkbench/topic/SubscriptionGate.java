package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds back the messages of paused subscriptions: a message goes through when at least one of the
 * subscriptions it matches is running, or when it matches none of them (a persistent session's leftover
 * is still worth seeing). What is held back is counted per subscription. Immutable apart from the
 * counters; a new gate replaces it when the subscriptions change.
 */
public final class SubscriptionGate {

    /** One subscription: its filter, whether it is paused, and how many messages it held back. */
    public record Entry(TopicFilter filter, boolean paused, AtomicLong heldBack) {
    }

    public static final SubscriptionGate OPEN = new SubscriptionGate(List.of());

    private final List<Entry> entries;
    private final boolean anyPaused;

    public SubscriptionGate(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.anyPaused = entries.stream().anyMatch(Entry::paused);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The filter a message on {@code topic} came through: the first running subscription it matches, else the first it matches; null for none. */
    public String filterOf(String topic) {
        String paused = null;
        for (Entry entry : entries) {
            if (entry.filter().matches(topic)) {
                if (!entry.paused()) {
                    return entry.filter().filter();
                }
                paused = paused == null ? entry.filter().filter() : paused;
            }
        }
        return paused;
    }

        /** The messages that pass, in order; the same list when nothing is paused. */
    public List<ReceivedMessage> filter(List<ReceivedMessage> batch) {
        if (!anyPaused) {
            return batch;
        }
        List<ReceivedMessage> passed = new ArrayList<>(batch.size());
        for (ReceivedMessage message : batch) {
            if (admits(message.topic())) {
                passed.add(message);
            }
        }
        return passed;
    }

    /** Whether a message on the topic is shown; counts it against the paused subscriptions when not. */
    boolean admits(String topic) {
        boolean matchedAny = false;
        for (Entry entry : entries) {
            if (entry.filter().matches(topic)) {
                if (!entry.paused()) {
                    return true;
                }
                matchedAny = true;
            }
        }
        if (!matchedAny) {
            return true;
        }
        for (Entry entry : entries) {
            if (entry.filter().matches(topic)) {
                entry.heldBack().incrementAndGet();
            }
        }
        return false;
    }

    /** The first subscription (in list order) whose filter matches the topic, or -1. */
    public int firstMatch(String topic) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).filter().matches(topic)) {
                return i;
            }
        }
        return -1;
    }
}
