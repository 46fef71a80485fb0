package io.mqttworkbench.mqtt;

import com.hivemq.client.internal.mqtt.message.publish.MqttPublish;
import com.hivemq.client.internal.mqtt.message.publish.mqtt3.Mqtt3PublishView;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.ByteBuffer;

/**
 * A received payload's bytes without copying them a second time. The library decodes every payload into a
 * heap buffer of its own, exactly the payload's length and never reused; its public API only hands out copies.
 * Under a flood that second copy was a fifth of all the bytes the receive thread allocated. Anything that does
 * not look like that buffer (a direct buffer, a slice) is copied as before.
 */
final class HiveMqPayloads {
    private static final byte[] EMPTY = new byte[0];

    private HiveMqPayloads() {
    }

    static byte[] of(Mqtt5Publish publish) {
        return publish instanceof MqttPublish internal ? of(internal) : publish.getPayloadAsBytes();
    }

    static byte[] of(Mqtt3Publish publish) {
        return publish instanceof Mqtt3PublishView view ? of(view.getDelegate()) : publish.getPayloadAsBytes();
    }

    private static byte[] of(MqttPublish publish) {
        ByteBuffer raw = publish.getRawPayload();
        if (raw == null) {
            return EMPTY;
        }
        if (raw.hasArray() && raw.arrayOffset() == 0 && raw.position() == 0 && raw.limit() == raw.array().length) {
            return raw.array();
        }
        return publish.getPayloadAsBytes();
    }
}
