package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One engine's client for one protocol version, hidden behind the same operations so {@link BrokerConnection}
 * and everything above it does not care which library it runs on or whether it speaks MQTT 5 or 3.1.1.
 * Methods are called only from the connection's own thread; they start the network work and return at
 * once, and the futures complete on the client library's threads.
 */
sealed interface ProtocolClient permits HiveMq5ProtocolClient, HiveMq3ProtocolClient, Paho5ProtocolClient, Paho3ProtocolClient {

    /** Callbacks from the client library's threads. Implementations must return at once and never throw. */
    interface Events {
        void messageArrived(ReceivedMessage message);

        /** The connection ended without us asking. {@code reasonCode} is the broker's DISCONNECT code, if any. */
        void connectionLost(Integer reasonCode, String reason);

        /** The broker sent something MQTT forbids that the connection survives (a wildcard in a topic name...). */
        void protocolViolation(String text);

        /** The library chose subscription identifier {@code identifier} for these filters (HiveMQ engine). */
        default void subscriptionNumbered(int identifier, List<String> filters) {
        }
    }

    static ProtocolClient create(ConnectionSettings settings, String clientId, Events events) throws ConnectionException {
        return switch (settings.engine()) {
            case HIVEMQ -> switch (settings.version()) {
                case V5 -> new HiveMq5ProtocolClient(settings, clientId, events);
                case V3_1_1 -> new HiveMq3ProtocolClient(settings, clientId, events);
            };
            case PAHO -> switch (settings.version()) {
                case V5 -> new Paho5ProtocolClient(settings, clientId, events);
                case V3_1_1 -> new Paho3ProtocolClient(settings, clientId, events);
            };
        };
    }

    CompletableFuture<BrokerCapabilities> connect();

    CompletableFuture<List<SubscribeOutcome>> subscribe(List<SubscriptionRequest> requests);

    /** Completes with one reason code per filter (MQTT 3.1.1 brokers send none: all 0x00). */
    CompletableFuture<List<Integer>> unsubscribe(List<String> filters);

    CompletableFuture<PublishOutcome> publish(PublishRequest request);

    /** How many publishes the client library lets be in flight at once; it refuses a publish beyond that. */
    int maxInFlight(BrokerCapabilities capabilities);

    /** Sends DISCONNECT; completes when done or after {@code timeout}. Call {@link #close()} afterwards. */
    CompletableFuture<Void> disconnect(Duration timeout);

    /** Frees the client's threads and resources. Not from a client library callback: it may wait for them. */
    void close();

    /** Drops the network connection without DISCONNECT (the broker then sends the last will) and frees resources. */
    void abort();
}
