package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one broker, used the same way whatever the protocol version.
 *
 * <p>All network operations (connect, subscribe, unsubscribe, publish, disconnect) and all state changes
 * run on this connection's own named thread, so no caller ever blocks on the network: every operation
 * returns a future. Received messages go straight from the client library's callback into the bounded
 * {@link #inbound()} queue without touching that thread.
 *
 * <p>When an established connection drops, it reconnects with capped exponential backoff (if the
 * settings allow) and restores its subscriptions. A first connect that fails ends in {@code FAILED}
 * at once: retrying a mistyped host forever helps nobody. That work, on the connection thread, is the
 * {@link ConnectionStateMachine}'s; this class is the API that hands it operations.
 */
public final class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final String name;
    private final ConnectionSettings settings;
    private final String clientId;
    private final InboundQueue inbound;
    private final ConnectionJournal journal;
    private final ConnectionThread thread;
    private final SubscriptionRegistry subscriptions;
    private final PublishFlow publishes;
    /** The subscription identifiers sent, and since when: kept after an unsubscribe, so older messages still name theirs. */
    private final SubscriptionNumbering numbering = new SubscriptionNumbering();
    /** Connecting, reconnecting and disconnecting, on the connection thread. */
    private final ConnectionStateMachine machine;

    public BrokerConnection(String name, ConnectionSettings settings, InboundQueue inbound) {
        PahoLogging.quiet();
        this.name = name;
        this.settings = settings;
        this.inbound = inbound;
        // One id for the life of this connection, so a persistent session survives reconnects.
        this.clientId = settings.clientId().isBlank() ? ClientIds.generate() : settings.clientId();
        this.journal = new ConnectionJournal(name);
        this.thread = new ConnectionThread(name, text -> journal.log(Kind.ERROR, text));
        this.subscriptions = new SubscriptionRegistry(thread, journal::log, settings.engine(), journal::restored, numbering);
        this.publishes = new PublishFlow(thread, journal::log);
        this.machine = new ConnectionStateMachine(settings, clientId, inbound, journal, thread, subscriptions, publishes,
                new ConnectTimers(thread, settings.reconnect()), numbering);
    }

    public BrokerConnection(String name, ConnectionSettings settings) {
        this(name, settings, new InboundQueue());
    }

    public String name() {
        return name;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The client id in use: the configured one, or the one generated for this connection. */
    public String clientId() {
        return clientId;
    }

    public ConnectionStatus status() {
        return journal.status();
    }

    public InboundQueue inbound() {
        return inbound;
    }

    /** What the broker announced in its last CONNACK, once connected. */
    public Optional<BrokerCapabilities> capabilities() {
        return Optional.ofNullable(machine.capabilities());
    }

    /** The subscriptions the broker granted and that are restored after a reconnect. */
    public List<SubscriptionRequest> subscriptions() {
        return subscriptions.snapshot();
    }

    /**
     * The filters of the subscription(s) that had this MQTT 5 subscription identifier when a message arrived at
     * {@code receivedEpochMillis}: which subscription delivered a message that carries it. Empty when unknown
     * (the message is older than this connection's numbers). Any thread.
     */
    public List<String> filtersOfSubscriptionIdentifier(int identifier, long receivedEpochMillis) {
        return numbering.filtersOf(identifier, receivedEpochMillis);
    }

    /** A copy of the most recent events, oldest first. */
    public List<ConnectionEvent> events() {
        return journal.events();
    }

    /** Listeners are called on the connection thread and must return quickly. */
    public void addListener(ConnectionListener listener) {
        journal.addListener(listener);
    }

    public void removeListener(ConnectionListener listener) {
        journal.removeListener(listener);
    }

    public CompletableFuture<BrokerCapabilities> connect() {
        CompletableFuture<BrokerCapabilities> result = new CompletableFuture<>();
        machine.submit(result, () -> machine.startConnect(result, false));
        return result;
    }

    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        machine.submit(result, () -> machine.stopClient(result));
        return result;
    }

    public CompletableFuture<SubscribeOutcome> subscribe(SubscriptionRequest request) {
        return subscribe(List.of(request)).thenApply(outcomes -> outcomes.get(0));
    }

    public CompletableFuture<List<SubscribeOutcome>> subscribe(List<SubscriptionRequest> requests) {
        CompletableFuture<List<SubscribeOutcome>> result = new CompletableFuture<>();
        if (requests.isEmpty()) {
            result.complete(List.of());
            return result;
        }
        machine.submit(result, () -> {
            if (machine.requireConnected(result, "subscribing")) {
                BrokerCapabilities capabilities = machine.capabilities();
                subscriptions.subscribe(machine.client(), requests, capabilities != null && capabilities.subscriptionIdentifiersAvailable(), result);
            }
        });
        return result;
    }

    /**
     * Subscribes until {@link #releaseTemporary(String)}: for a request's reply. Not restored after a
     * reconnect, not in {@link #subscriptions()}.
     */
    public CompletableFuture<SubscribeOutcome> subscribeTemporarily(SubscriptionRequest request) {
        CompletableFuture<SubscribeOutcome> result = new CompletableFuture<>();
        machine.submit(result, () -> {
            if (machine.requireConnected(result, "subscribing")) {
                subscriptions.subscribeTemporarily(machine.client(), request, result);
            }
        });
        return result;
    }

    /** Ends a temporary subscription (a filter the user subscribed to as well stays). */
    public CompletableFuture<Integer> releaseTemporary(String filter) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        machine.submit(result, () -> subscriptions.releaseTemporary(machine.connectedClient(), filter, result));
        return result;
    }

    /** Unsubscribes; the filter is also forgotten so it is not restored after a reconnect. */
    public CompletableFuture<Integer> unsubscribe(String filter) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        machine.submit(result, () -> subscriptions.unsubscribe(machine.connectedClient(), filter, result));
        return result;
    }

    /**
     * Publishes. Messages beyond the broker's receive maximum wait here, in order, until earlier ones are
     * acknowledged, so a burst of sends is never refused for being a burst.
     */
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        CompletableFuture<PublishOutcome> result = new CompletableFuture<>();
        machine.submit(result, () -> {
            if (machine.requireConnected(result, "publishing")) {
                publishes.enqueue(request, result);
            }
        });
        return result;
    }

    /**
     * Disconnects (waiting briefly for DISCONNECT to go out) and stops the connection thread. Not to be
     * called from a listener, which runs on that thread.
     */
    @Override
    public void close() {
        if (machine.closed()) {
            return;
        }
        try {
            disconnect().get(ConnectionStateMachine.DISCONNECT_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect of {} while closing: {}", name, e.toString());
        }
        machine.markClosed();
        thread.close();
    }
}

