package io.mqttworkbench.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilderBase;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Between our MQTT 5 property records and the HiveMQ engine's publish builders and messages. */
final class HiveMq5Properties {
    private HiveMq5Properties() {
    }

    /** Sets the properties on a publish or will builder. Topic aliases are the library's own business. */
    static <C extends Mqtt5PublishBuilderBase.Complete<C>> C apply(C builder, MessageProperties p) {
        C b = builder;
        if (p.contentType() != null) {
            b = b.contentType(p.contentType());
        }
        if (Boolean.TRUE.equals(p.payloadFormatUtf8())) {
            // "Unspecified" is the protocol's default: like Paho, send the indicator only when it says UTF-8.
            b = b.payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8);
        }
        if (p.messageExpirySeconds() != null) {
            b = b.messageExpiryInterval(p.messageExpirySeconds());
        }
        if (p.responseTopic() != null) {
            b = b.responseTopic(p.responseTopic());
        }
        byte[] correlation = p.correlationData();
        if (correlation != null) {
            b = b.correlationData(correlation);
        }
        if (!p.userProperties().isEmpty()) {
            List<Mqtt5UserProperty> user = new ArrayList<>(p.userProperties().size());
            p.userProperties().forEach(u -> user.add(Mqtt5UserProperty.of(u.key(), u.value())));
            b = b.userProperties(Mqtt5UserProperties.of(user));
        }
        return b;
    }

    /**
     * @param subscriptionIds the subscription identifiers the PUBLISH carried (see {@link HiveMqSubscriptionIds})
     * @param shared gives the properties of a message that carries only those
     */
    static MessageProperties from(Mqtt5Publish publish, List<Integer> subscriptionIds, SharedSubscriptionIds shared) {
        Optional<MqttUtf8String> contentType = publish.getContentType();
        Optional<Mqtt5PayloadFormatIndicator> format = publish.getPayloadFormatIndicator();
        OptionalLong expiry = publish.getMessageExpiryInterval();
        Optional<MqttTopic> responseTopic = publish.getResponseTopic();
        Optional<ByteBuffer> correlation = publish.getCorrelationData();
        List<? extends Mqtt5UserProperty> user = publish.getUserProperties().asList();
        boolean utf8 = format.isPresent() && format.get() == Mqtt5PayloadFormatIndicator.UTF_8;
        if (contentType.isEmpty() && !utf8 && expiry.isEmpty() && responseTopic.isEmpty() && correlation.isEmpty() && user.isEmpty()) {
            return subscriptionIds.isEmpty() ? MessageProperties.NONE : shared.of(subscriptionIds);
        }
        List<UserProperty> userProperties = new ArrayList<>(user.size());
        user.forEach(u -> userProperties.add(new UserProperty(u.getName().toString(), u.getValue().toString())));
        return new MessageProperties(
                contentType.map(Object::toString).orElse(null),
                utf8 ? Boolean.TRUE : null,
                expiry.isPresent() ? expiry.getAsLong() : null,
                responseTopic.map(Object::toString).orElse(null),
                correlation.map(HiveMq5Properties::bytes).orElse(null),
                userProperties,
                subscriptionIds,
                null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
