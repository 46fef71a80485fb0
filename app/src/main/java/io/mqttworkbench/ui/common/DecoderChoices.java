package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The decoder the user picked instead of "Auto": for one message, for every message on a topic, or for
 * every message through a subscription. The narrowest choice wins. Topic and subscription choices are
 * kept in the profile, so they outlive the session; a message's lasts as long as the message. JavaFX thread.
 */
public final class DecoderChoices {

    /** Where choices by topic or by subscription filter are kept. */
    public interface Kept {
        Optional<PayloadFormat> get(String key);

        /** Null for Auto. */
        void set(String key, PayloadFormat format);
    }

    /** How widely a choice applies. */
    public enum Scope {
        MESSAGE("common.decoder.scope.message"), TOPIC("common.decoder.scope.topic"), SUBSCRIPTION("common.decoder.scope.subscription");

        private final String key;

        Scope(String key) {
            this.key = key;
        }

        /** "This message", in the interface language. */
        public String label(Texts texts) {
            return texts.text(key);
        }
    }

    /** Messages are compared by identity; a choice for a message goes when the message does. */
    private final Map<ReceivedMessage, PayloadFormat> byMessage = new WeakHashMap<>();
    private final Kept byTopic;
    private final Kept bySubscription;

    public DecoderChoices(Kept byTopic, Kept bySubscription) {
        this.byTopic = byTopic;
        this.bySubscription = bySubscription;
    }

    /** The chosen format for this message, or empty for Auto. */
    public Optional<PayloadFormat> formatFor(ReceivedMessage message, String subscriptionFilter) {
        PayloadFormat format = byMessage.get(message);
        if (format == null) {
            format = byTopic.get(message.topic()).orElse(null);
        }
        if (format == null && subscriptionFilter != null) {
            format = bySubscription.get(subscriptionFilter).orElse(null);
        }
        return Optional.ofNullable(format);
    }

    /** Sets (or, with null, removes) the choice at one scope; a choice at a scope also clears the narrower ones. */
    public void choose(ReceivedMessage message, String subscriptionFilter, Scope scope, PayloadFormat format) {
        switch (scope) {
            case MESSAGE -> put(message, format);
            case TOPIC -> {
                byTopic.set(message.topic(), format);
                byMessage.remove(message);
            }
            case SUBSCRIPTION -> {
                if (subscriptionFilter != null) {
                    bySubscription.set(subscriptionFilter, format);
                }
                if (byTopic.get(message.topic()).isPresent()) {
                    byTopic.set(message.topic(), null);
                }
                byMessage.remove(message);
            }
        }
    }

    private void put(ReceivedMessage message, PayloadFormat format) {
        if (format == null) {
            byMessage.remove(message);
        } else {
            byMessage.put(message, format);
        }
    }
}
