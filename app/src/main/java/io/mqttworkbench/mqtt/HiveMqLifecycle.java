package io.mqttworkbench.mqtt;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a HiveMQ engine client's life that both protocol versions share: whether it is established
 * or being closed, reporting a lost connection once, and hanging up a connect the user gave up on.
 */
final class HiveMqLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqLifecycle.class);

    private final BrokerUrl url;
    private final ProtocolClient.Events events;
    private final Supplier<MqttClientState> state;
    private final Supplier<CompletableFuture<Void>> sendDisconnect;
    private volatile boolean established;
    private volatile boolean closing;

    HiveMqLifecycle(BrokerUrl url, ProtocolClient.Events events, Supplier<MqttClientState> state,
                    Supplier<CompletableFuture<Void>> sendDisconnect) {
        this.url = url;
        this.events = events;
        this.state = state;
        this.sendDisconnect = sendDisconnect;
    }

    /** The CONNACK came: the connection counts as established, unless it was given up meanwhile. Netty thread. */
    <T> T connected(T capabilities) {
        if (closing) {
            // Given up while the CONNACK was on its way: this client must not live on with our client id.
            sendDisconnect.get();
            throw new CompletionException(new ConnectionException("Connect cancelled"));
        }
        established = true;
        return capabilities;
    }

    /** A connect that failed, in the user's words. */
    CompletionException connectFailed(Throwable error) {
        return new CompletionException(HiveMqErrors.describe(error, url));
    }

    CompletableFuture<Void> disconnect(Duration timeout) {
        closing = true;
        if (state.get() != MqttClientState.CONNECTED) {
            return CompletableFuture.completedFuture(null);
        }
        return sendDisconnect.get().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((ignored, error) -> null);
    }

    /** Closing: a DISCONNECT that timed out earlier must not leave the channel open. */
    void close() {
        closing = true;
        if (state.get().isConnected()) {
            sendDisconnect.get();
        }
    }

    /** Marks the client as going away without sending anything. */
    void closing() {
        closing = true;
    }

    boolean isConnected() {
        return state.get().isConnected();
    }

    /** The library's disconnected listener: reports an established connection's end once. Netty thread. */
    void disconnected(MqttClientDisconnectedContext context) {
        if (closing || !established) {
            return; // our own disconnect, or a failed connect (reported through connect())
        }
        established = false;
        try {
            ConnectionException described = HiveMqErrors.connectionLost(context.getCause(), context.getSource(), url);
            events.connectionLost(described.reasonCode(), described.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("disconnect handling failed: {}", e.toString());
        }
    }
}
