package io.mqttworkbench.mqtt;

import java.util.Objects;

/**
 * One message as it arrived, immutable. The payload array is owned by the record and never copied on
 * the hot path: callers must not modify the array returned by {@link #payload()}.
 *
 * @param receivedNanos {@link System#nanoTime()} at arrival, for rates and replay pacing
 * @param receivedEpochMillis wall-clock time at arrival
 */
public record ReceivedMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        boolean duplicate,
        long receivedNanos,
        long receivedEpochMillis,
        MessageProperties properties) {

    public ReceivedMessage {
        Objects.requireNonNull(topic, "topic");
        payload = payload == null ? new byte[0] : payload;
        properties = properties == null ? MessageProperties.NONE : properties;
    }

    public int payloadSize() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + topic + ", " + payload.length + " bytes, qos " + qos + (retained ? ", retained" : "") + "]";
    }
}
