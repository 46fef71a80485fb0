package io.mqttworkbench.mqtt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The MQTT 5 PUBLISH properties. A null field means "not present on the wire". With MQTT 3.1.1 every
 * message carries {@link #NONE}.
 *
 * @param payloadFormatUtf8 true when the sender declared the payload UTF-8 text (payload format indicator 1)
 * @param messageExpirySeconds message expiry interval in seconds
 */
public record MessageProperties(
        String contentType,
        Boolean payloadFormatUtf8,
        Long messageExpirySeconds,
        String responseTopic,
        byte[] correlationData,
        List<UserProperty> userProperties,
        List<Integer> subscriptionIdentifiers,
        Integer topicAlias) {

    public static final MessageProperties NONE = new MessageProperties(null, null, null, null, null, List.of(), List.of(), null);

    public MessageProperties {
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
        subscriptionIdentifiers = subscriptionIdentifiers == null ? List.of() : List.copyOf(subscriptionIdentifiers);
        correlationData = correlationData == null ? null : correlationData.clone();
        if (messageExpirySeconds != null && (messageExpirySeconds < 0 || messageExpirySeconds > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("message expiry must be between 0 and 4294967295 seconds");
        }
        if (responseTopic != null) {
            TopicValidator.requireValidTopicName(responseTopic);
        }
    }

    @Override
    public byte[] correlationData() {
        return correlationData == null ? null : correlationData.clone();
    }

    public boolean isEmpty() {
        return contentType == null && payloadFormatUtf8 == null && messageExpirySeconds == null && responseTopic == null
                && correlationData == null && userProperties.isEmpty() && subscriptionIdentifiers.isEmpty() && topicAlias == null;
    }

    public MessageProperties withUserProperties(List<UserProperty> properties) {
        return new MessageProperties(contentType, payloadFormatUtf8, messageExpirySeconds, responseTopic, correlationData,
                properties, subscriptionIdentifiers, topicAlias);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageProperties p
                && Objects.equals(contentType, p.contentType)
                && Objects.equals(payloadFormatUtf8, p.payloadFormatUtf8)
                && Objects.equals(messageExpirySeconds, p.messageExpirySeconds)
                && Objects.equals(responseTopic, p.responseTopic)
                && Arrays.equals(correlationData, p.correlationData)
                && userProperties.equals(p.userProperties)
                && subscriptionIdentifiers.equals(p.subscriptionIdentifiers)
                && Objects.equals(topicAlias, p.topicAlias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, responseTopic, userProperties, Arrays.hashCode(correlationData));
    }

    @Override
    public String toString() {
        return "MessageProperties[contentType=" + contentType + ", utf8=" + payloadFormatUtf8 + ", expiry=" + messageExpirySeconds
                + ", responseTopic=" + responseTopic + ", correlation=" + (correlationData == null ? null : correlationData.length + " bytes")
                + ", user=" + userProperties + ", subIds=" + subscriptionIdentifiers + ", alias=" + topicAlias + "]";
    }
}
