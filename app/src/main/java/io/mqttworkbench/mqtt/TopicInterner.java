package io.mqttworkbench.mqtt;

import java.util.HashMap;
import java.util.function.Consumer;

/**
 * One String per distinct topic, per connection: a million stored messages on a thousand topics keep a
 * thousand topic strings, not a million. Bounded: past {@code capacity} distinct topics it starts over,
 * which costs only some sharing. Used from the client's single callback thread.
 *
 * <p>Each new topic is also checked once for what a broker must never send (wildcards, NUL, bytes that
 * were not UTF-8), so a forbidden topic is reported without a cost per message.
 */
final class TopicInterner {
    private final int capacity;
    private final Consumer<String> violations;
    private final HashMap<String, String> topics = new HashMap<>();

    TopicInterner(int capacity, Consumer<String> violations) {
        this.capacity = capacity;
        this.violations = violations;
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
        String problem = ProtocolViolations.topicProblem(topic);
        if (problem != null) {
            violations.accept(problem);
        }
        return topic;
    }
}
