package io.mqttworkbench.mqtt;

import java.util.Objects;

/** A message to send. The topic is validated when the request is made, not when it reaches the broker. */
public record PublishRequest(String topic, byte[] payload, int qos, boolean retain, MessageProperties properties) {

    public PublishRequest {
        TopicValidator.requireValidTopicName(topic);
        Qos.require(qos);
        payload = payload == null ? new byte[0] : payload;
        properties = Objects.requireNonNullElse(properties, MessageProperties.NONE);
    }

    public PublishRequest(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, MessageProperties.NONE);
    }

    @Override
    public String toString() {
        return "PublishRequest[" + topic + ", " + payload.length + " bytes, qos " + qos + (retain ? ", retain]" : "]");
    }
}
