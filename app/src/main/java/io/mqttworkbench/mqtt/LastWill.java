package io.mqttworkbench.mqtt;

import java.util.Arrays;

/** The message the broker publishes for us when the connection drops without a DISCONNECT. */
public record LastWill(String topic, byte[] payload, int qos, boolean retain, MessageProperties properties) {

    public LastWill {
        TopicValidator.requireValidTopicName(topic);
        Qos.require(qos);
        payload = payload == null ? new byte[0] : payload.clone();
        properties = properties == null ? MessageProperties.NONE : properties;
    }

    public LastWill(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, MessageProperties.NONE);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LastWill w && w.topic.equals(topic) && Arrays.equals(w.payload, payload)
                && w.qos == qos && w.retain == retain && w.properties.equals(properties);
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
