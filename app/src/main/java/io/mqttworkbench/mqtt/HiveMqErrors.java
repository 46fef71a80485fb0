package io.mqttworkbench.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttDecodeException;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** What the HiveMQ engine throws, in the words {@link ConnectionException} carries to the user. */
final class HiveMqErrors {
    private HiveMqErrors() {
    }

    static ConnectionException describe(Throwable thrown, BrokerUrl url) {
        Throwable t = thrown;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ConnectionException known) {
            return known;
        }
        if (t instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAck ack = refused.getMqttMessage();
            int code = ack.getReasonCode().getCode();
            String reason = ack.getReasonString().map(r -> " (" + r + ")").orElse("");
            return new ConnectionException(ReasonCodes.describe(code) + reason, code, Paho5ProtocolClient.isRetryableRefusal(code), t);
        }
        if (t instanceof Mqtt3ConnAckException refused) {
            int v5 = ReasonCodes.v3ConnackToV5(refused.getMqttMessage().getReturnCode().getCode());
            return new ConnectionException(ReasonCodes.describe(v5), v5, v5 == 0x88, t);
        }
        if (t instanceof Mqtt5DisconnectException disconnect) {
            // The library sends DISCONNECT itself when the broker breaks the protocol; the broker's own comes as SERVER.
            Mqtt5Disconnect packet = disconnect.getMqttMessage();
            int code = packet.getReasonCode().getCode();
            String reason = packet.getReasonString().map(r -> " (" + r + ")").orElse("");
            return new ConnectionException("DISCONNECT " + ReasonCodes.describe(code) + reason, code, true, t);
        }
        if (t instanceof Mqtt3DisconnectException disconnect) {
            String malformed = ProtocolViolations.decodeFailure(message(disconnect));
            return new ConnectionException(malformed != null ? capitalized(malformed) + " (the client closed the connection)"
                    : "The client closed the connection: " + message(disconnect), null, true, t);
        }
        if (t instanceof MqttDecodeException) {
            String malformed = ProtocolViolations.decodeFailure(message(t));
            return new ConnectionException(malformed != null ? capitalized(malformed) : "The broker sent a malformed packet: " + message(t),
                    null, true, t);
        }
        if (t instanceof ConnectionClosedException) {
            return new ConnectionException(NetworkErrors.describe(t, url).orElse("The broker closed the connection"), null, true, t);
        }
        if (t instanceof ConnectionFailedException || t instanceof IOException) {
            return new ConnectionException(NetworkErrors.describe(t, url).orElse("Cannot connect to " + url.authority() + ": " + message(t)),
                    null, true, t);
        }
        if (t instanceof TimeoutException) {
            return new ConnectionException("Timed out waiting for an answer from " + url.authority(), null, true, t);
        }
        if (t instanceof MqttClientStateException) {
            return new ConnectionException(message(t), null, false, t);
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return new ConnectionException(message(t), null, false, t);
        }
        return new ConnectionException(NetworkErrors.describe(t, url).orElse(message(t)), null, false, t);
    }

    /** Why an established connection ended, as the user should read it; reason code only when the broker sent one. */
    static ConnectionException connectionLost(Throwable cause, MqttDisconnectSource source, BrokerUrl url) {
        ConnectionException described = describe(cause, url);
        if (source == MqttDisconnectSource.SERVER && cause instanceof Mqtt5DisconnectException) {
            return new ConnectionException("Broker disconnected: " + described.getMessage().substring("DISCONNECT ".length()),
                    described.reasonCode(), true, cause);
        }
        if (source == MqttDisconnectSource.CLIENT && cause instanceof Mqtt5DisconnectException disconnect) {
            String malformed = ProtocolViolations.decodeFailure(disconnect.getMqttMessage().getReasonString().map(Object::toString).orElse(""));
            if (malformed != null) {
                return new ConnectionException(capitalized(malformed) + " (the client closed the connection)", null, true, cause);
            }
            // Sent by us because the broker broke the protocol (a malformed or forbidden packet): the code is ours, not the broker's.
            return new ConnectionException("Closed by the client: the broker broke the protocol: "
                    + described.getMessage().substring("DISCONNECT ".length()), null, true, cause);
        }
        return described;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String message(Throwable t) {
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }
}
