package io.mqttworkbench.ui;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The decoder the user picked instead of "Auto": for one message, for every message on a topic, or for
 * every message through a subscription. The narrowest choice wins. A subscription's choice is kept with
 * the subscription in its profile, so it outlives the session; the others last for the session. JavaFX thread.
 */
final class DecoderChoices {

    /** Where a subscription's choice is kept. */
    interface SubscriptionDecoders {
        Optional<PayloadFormat> decoderOf(String filter);

        /** Null for Auto. */
        void setDecoder(String filter, PayloadFormat format);
    }

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
    private final SubscriptionDecoders bySubscription;

    DecoderChoices(SubscriptionDecoders bySubscription) {
        this.bySubscription = bySubscription;
    }

    /** The chosen format for this message, or empty for Auto. */
    Optional<PayloadFormat> formatFor(ReceivedMessage message, String subscriptionFilter) {
        PayloadFormat format = byMessage.get(message);
        if (format == null) {
            format = byTopic.get(message.topic());
        }
        if (format == null && subscriptionFilter != null) {
            format = bySubscription.decoderOf(subscriptionFilter).orElse(null);
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
                    bySubscription.setDecoder(subscriptionFilter, format);
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
