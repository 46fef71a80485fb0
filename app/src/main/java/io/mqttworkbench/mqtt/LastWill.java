package io.mqttworkbench.mqtt;

import java.util.Arrays;

/**
 * The message the broker publishes for us when the connection drops without a DISCONNECT.
 *
 * @param properties MQTT 5 will properties (content type, expiry, response topic, user properties...)
 * @param delaySeconds MQTT 5 will delay interval: how long the broker waits before publishing it, or null
 */
public record LastWill(String topic, byte[] payload, int qos, boolean retain, MessageProperties properties, Long delaySeconds) {

    public LastWill {
        TopicValidator.requireValidTopicName(topic);
        Qos.require(qos);
        payload = payload == null ? new byte[0] : payload.clone();
        properties = properties == null ? MessageProperties.NONE : properties;
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("will delay must be between 0 and 4294967295 seconds");
        }
    }

    public LastWill(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, MessageProperties.NONE, null);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LastWill w && w.topic.equals(topic) && Arrays.equals(w.payload, payload)
                && w.qos == qos && w.retain == retain && w.properties.equals(properties)
                && java.util.Objects.equals(w.delaySeconds, delaySeconds);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "LastWill[" + topic + ", " + payload.length + " bytes, qos " + qos + (retain ? ", retained]" : "]");
    }
}
