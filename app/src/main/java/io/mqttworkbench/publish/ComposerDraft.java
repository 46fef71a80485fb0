package io.mqttworkbench.publish;

import io.mqttworkbench.mqtt.UserProperty;
import java.util.List;

/**
 * What a connection's composer holds as typed, kept across restarts: unlike a {@link Composition}, numbers
 * stay text (a half-typed "12x" comes back as typed) and the repeat and reply settings come along.
 *
 * @param messageExpiry seconds as typed, or empty
 * @param topicAlias as typed, or empty
 * @param replyTimeout seconds to wait for a reply, as typed
 */
public record ComposerDraft(String topic, int qos, boolean retain, PayloadEncoding encoding, String payload, boolean placeholders,
                            String contentType, Boolean payloadFormatUtf8, String messageExpiry, String responseTopic,
                            String correlationData, boolean correlationHex, String topicAlias, List<UserProperty> userProperties,
                            int repeatCount, int repeatIntervalMillis, String replyTimeout) {

    public ComposerDraft {
        topic = orEmpty(topic);
        qos = Math.clamp(qos, 0, 2);
        encoding = encoding == null ? PayloadEncoding.TEXT : encoding;
        payload = orEmpty(payload);
        contentType = orEmpty(contentType);
        messageExpiry = orEmpty(messageExpiry);
        responseTopic = orEmpty(responseTopic);
        correlationData = orEmpty(correlationData);
        topicAlias = orEmpty(topicAlias);
        userProperties = userProperties == null ? List.of()
                : userProperties.stream().filter(p -> p != null && p.key() != null && p.value() != null).toList();
        replyTimeout = orEmpty(replyTimeout);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
