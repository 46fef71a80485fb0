package io.mqttworkbench.ui;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The decoder the user picked instead of "Auto": for one message, for every message on a topic, or for
 * every message through a subscription. The narrowest choice wins. JavaFX thread.
 */
final class DecoderChoices {

    /** How widely a choice applies. */
    enum Scope {
        MESSAGE("This message"), TOPIC("This topic"), SUBSCRIPTION("This subscription");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Messages are compared by identity; a choice for a message goes when the message does. */
    private final Map<ReceivedMessage, PayloadFormat> byMessage = new WeakHashMap<>();
    private final Map<String, PayloadFormat> byTopic = new HashMap<>();
    private final Map<String, PayloadFormat> bySubscription = new HashMap<>();

    /** The chosen format for this message, or empty for Auto. */
    Optional<PayloadFormat> formatFor(ReceivedMessage message, String subscriptionFilter) {
        PayloadFormat format = byMessage.get(message);
        if (format == null) {
            format = byTopic.get(message.topic());
        }
        if (format == null && subscriptionFilter != null) {
            format = bySubscription.get(subscriptionFilter);
        }
        return Optional.ofNullable(format);
    }

    /** Sets (or, with null, removes) the choice at one scope; Auto at a scope also clears the narrower ones. */
    void choose(ReceivedMessage message, String subscriptionFilter, Scope scope, PayloadFormat format) {
        switch (scope) {
            case MESSAGE -> put(byMessage, message, format);
            case TOPIC -> {
                put(byTopic, message.topic(), format);
                byMessage.remove(message);
            }
            case SUBSCRIPTION -> {
                if (subscriptionFilter != null) {
                    put(bySubscription, subscriptionFilter, format);
                }
                byTopic.remove(message.topic());
                byMessage.remove(message);
            }
        }
    }

    private static <K> void put(Map<K, PayloadFormat> map, K key, PayloadFormat format) {
        if (format == null) {
            map.remove(key);
        } else {
            map.put(key, format);
        }
    }
}
