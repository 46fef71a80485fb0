package io.mqttworkbench.mqtt;

import java.util.HashMap;

/**
 * One String per distinct topic, per connection: a million stored messages on a thousand topics keep a
 * thousand topic strings, not a million. Bounded: past {@code capacity} distinct topics it starts over,
 * which costs only some sharing. Used from the client's single callback thread.
 */
final class TopicInterner {
    private final int capacity;
    private final HashMap<String, String> topics = new HashMap<>();

    TopicInterner(int capacity) {
        this.capacity = capacity;
    }

    String intern(String topic) {
        String known = topics.get(topic);
        if (known != null) {
            return known;
        }
        if (topics.size() >= capacity) {
            topics.clear();
        }
        topics.put(topic, topic);
        return topic;
    }
}
