package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.time.Duration;
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
 * at once: retrying a mistyped host forever helps nobody.
 */
public final class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Extra time over the connect timeout before we give up on a CONNACK ourselves. */
    private static final long CONNACK_GRACE_MILLIS = 2_000;
    /**
     * A connection up for this long counts as working: when it drops, reconnecting starts again with an
     * immediate attempt (waiting instead costs messages: a broker queues only so many for an absent session). One dropped sooner (a broker that closes on every connect, or sends a malformed
     * packet each time) keeps backing off instead of spinning.
     */
    private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final ConnectionSettings settings;
    private final String clientId;
    private final InboundQueue inbound;
    private final ConnectionJournal journal;
    private final ConnectionThread thread;
    private final SubscriptionRegistry subscriptions;
    private final PublishFlow publishes;
    private final ConnectTimers timers;

    private volatile BrokerCapabilities capabilities;
    /** The subscription identifiers sent, and since when: kept after an unsubscribe, so older messages still name theirs. */
    private final SubscriptionNumbering numbering = new SubscriptionNumbering();
    private volatile boolean closed;

    // Confined to the connection thread.
    private ProtocolClient client;
    /** Written on the connection thread only; read by the client library's threads to drop stale callbacks. */
    private volatile int generation;
    private CompletableFuture<BrokerCapabilities> pendingConnect;
    private CompletableFuture<Void> pendingDisconnect;
    private long connectedAtNanos;

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
        this.timers = new ConnectTimers(thread, settings.reconnect());
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
        return Optional.ofNullable(capabilities);
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
        submit(result, () -> startConnect(result, false));
        return result;
    }

    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        submit(result, () -> stopClient(result));
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
        submit(result, () -> {
            if (requireConnected(result, "subscribing")) {
                subscriptions.subscribe(client, requests, capabilities != null && capabilities.subscriptionIdentifiersAvailable(), result);
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
        submit(result, () -> {
            if (requireConnected(result, "subscribing")) {
                subscriptions.subscribeTemporarily(client, request, result);
            }
        });
        return result;
    }

    /** Ends a temporary subscription (a filter the user subscribed to as well stays). */
    public CompletableFuture<Integer> releaseTemporary(String filter) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        submit(result, () -> subscriptions.releaseTemporary(status().state() == ConnectionState.CONNECTED ? client : null, filter, result));
        return result;
    }

    /** Unsubscribes; the filter is also forgotten so it is not restored after a reconnect. */
    public CompletableFuture<Integer> unsubscribe(String filter) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        submit(result, () -> subscriptions.unsubscribe(status().state() == ConnectionState.CONNECTED ? client : null, filter, result));
        return result;
    }

    /**
     * Publishes. Messages beyond the broker's receive maximum wait here, in order, until earlier ones are
     * acknowledged, so a burst of sends is never refused for being a burst.
     */
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        CompletableFuture<PublishOutcome> result = new CompletableFuture<>();
        submit(result, () -> {
            if (requireConnected(result, "publishing")) {
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
        if (closed) {
            return;
        }
        try {
            disconnect().get(DISCONNECT_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect of {} while closing: {}", name, e.toString());
        }
        closed = true;
        thread.close();
    }

    // ---- connection thread from here on ----

    private void startConnect(CompletableFuture<BrokerCapabilities> result, boolean isReconnect) {
        if (closed) {
            result.completeExceptionally(thread.closedException());
            return;
        }
        if (pendingDisconnect != null) {
            pendingDisconnect.whenComplete((ignored, error) -> submit(result, () -> startConnect(result, isReconnect)));
            return;
        }
        ConnectionState state = status().state();
        if (state == ConnectionState.CONNECTED && client != null) {
            result.complete(capabilities);
            return;
        }
        if (pendingConnect != null) {
            pendingConnect.whenComplete((caps, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(caps);
                }
            });
            return;
        }
        timers.cancelReconnect();
        if (!isReconnect) {
            timers.resetAttempts();
        }
        releaseClient();
        int myGeneration = ++generation;
        if (isReconnect) {
            journal.status(ConnectionState.RECONNECTING, null, "attempt " + timers.attempt() + ", connecting to " + settings.url());
        } else {
            journal.status(ConnectionState.CONNECTING, null, settings.url().toString());
        }
        journal.log(Kind.CONNECT, (isReconnect ? "Reconnecting" : "Connecting") + " to " + settings.url() + " with MQTT "
                + settings.version() + " (" + settings.engine().label() + ") as client id '" + clientId + "'"
                + (settings.username() == null || settings.username().isEmpty() ? "" : ", user '" + settings.username() + "'"));
        try {
            client = ProtocolClient.create(settings, clientId, new ClientEvents(myGeneration));
        } catch (ConnectionException e) {
            connectFailed(myGeneration, e, result, isReconnect);
            return;
        }
        pendingConnect = result;
        timers.awaitConnack(() -> connackTimedOut(myGeneration, isReconnect), settings.connectTimeout().toMillis() + CONNACK_GRACE_MILLIS);
        client.connect().whenCompleteAsync((caps, error) -> {
            if (myGeneration != generation) {
                return; // superseded by a disconnect or a newer connect; that path completed the future
            }
            if (error != null) {
                connectFailed(myGeneration, ConnectionException.unwrap(error), result, isReconnect);
            } else {
                connected(caps, result);
            }
        }, thread);
    }

    private void connected(BrokerCapabilities caps, CompletableFuture<BrokerCapabilities> result) {
        timers.connackDone();
        pendingConnect = null;
        capabilities = caps;
        publishes.attach(client, caps);
        connectedAtNanos = System.nanoTime();
        journal.status(ConnectionState.CONNECTED, 0, settings.url().toString());
        journal.log(Kind.CONNACK, "CONNACK " + ReasonCodes.describe(0) + ": " + caps.summary());
        result.complete(caps);
        subscriptions.restore(client, caps.sessionPresent(), settings.cleanStart(), caps.subscriptionIdentifiersAvailable());
    }

    private void connectFailed(int myGeneration, ConnectionException reported, CompletableFuture<BrokerCapabilities> result,
                               boolean isReconnect) {
        if (myGeneration != generation) {
            return;
        }
        ConnectionException failure = NetworkErrors.withClientCertificateHint(reported, settings);
        timers.connackDone();
        pendingConnect = null;
        releaseClient();
        journal.log(failure.reasonCode() != null ? Kind.CONNACK : Kind.ERROR,
                (failure.reasonCode() != null ? "CONNACK " : "Connect failed: ") + failure.getMessage());
        if (isReconnect && failure.retryable() && settings.reconnect().enabled() && !closed) {
            scheduleReconnect(failure.reasonCode(), failure.getMessage());
        } else {
            journal.status(ConnectionState.FAILED, failure.reasonCode(), failure.getMessage());
        }
        result.completeExceptionally(failure);
    }

    private void connackTimedOut(int myGeneration, boolean isReconnect) {
        if (myGeneration != generation || pendingConnect == null) {
            return;
        }
        long seconds = (settings.connectTimeout().toMillis() + CONNACK_GRACE_MILLIS) / 1000;
        connectFailed(myGeneration, new ConnectionException("No answer from " + settings.url() + " within " + seconds
                + " s: is it an MQTT broker, and is the transport (TCP/TLS/WebSocket) right?", null, true, null),
                pendingConnect, isReconnect);
    }

    private void connectionLost(int myGeneration, Integer reasonCode, String reason) {
        if (myGeneration != generation || status().state() != ConnectionState.CONNECTED) {
            return;
        }
        releaseClient();
        if (System.nanoTime() - connectedAtNanos > STABLE_NANOS) {
            timers.resetAttempts(); // a connection that held starts the backoff over; one dropped at once keeps backing off
        }
        journal.log(Kind.DISCONNECT, "Connection lost: " + reason);
        boolean takenOver = reasonCode != null && reasonCode == 0x8E;
        if (settings.reconnect().enabled() && !takenOver && !closed) {
            scheduleReconnect(reasonCode, "connection lost: " + reason);
        } else {
            journal.status(ConnectionState.FAILED, reasonCode, takenOver
                    ? reason + " (another client connected with client id '" + clientId + "')" : "connection lost: " + reason);
        }
    }

    private void scheduleReconnect(Integer reasonCode, String reason) {
        String when = timers.scheduleReconnect(() -> startConnect(new CompletableFuture<>(), true));
        journal.status(ConnectionState.RECONNECTING, reasonCode, reason + "; retrying " + when + " (attempt " + timers.attempt() + ")");
        journal.log(Kind.RECONNECT, "Reconnect attempt " + timers.attempt() + " " + when);
    }

    private void stopClient(CompletableFuture<Void> result) {
        timers.cancelAll();
        generation++; // callbacks of the old client are ignored from now on
        if (pendingConnect != null) {
            pendingConnect.completeExceptionally(new ConnectionException("Connect cancelled"));
            pendingConnect = null;
        }
        if (pendingDisconnect != null) {
            pendingDisconnect.whenComplete((ignored, error) -> result.complete(null));
            return;
        }
        publishes.detach("disconnected");
        ProtocolClient current = client;
        client = null;
        capabilities = null;
        if (current == null) {
            ConnectionState state = status().state();
            if (state != ConnectionState.DISCONNECTED && state != ConnectionState.FAILED) {
                journal.status(ConnectionState.DISCONNECTED, null, null);
                journal.log(Kind.DISCONNECT, "Disconnected");
            }
            result.complete(null);
            return;
        }
        if (status().state() != ConnectionState.CONNECTED) {
            current.abort();
            journal.status(ConnectionState.DISCONNECTED, null, null);
            journal.log(Kind.DISCONNECT, "Connect cancelled");
            result.complete(null);
            return;
        }
        CompletableFuture<Void> disconnecting = new CompletableFuture<>();
        pendingDisconnect = disconnecting;
        current.disconnect(DISCONNECT_TIMEOUT).whenCompleteAsync((ignored, error) -> {
            current.close();
            pendingDisconnect = null;
            journal.status(ConnectionState.DISCONNECTED, 0, null);
            journal.log(Kind.DISCONNECT, "Disconnected (DISCONNECT " + ReasonCodes.describe(0) + ")");
            disconnecting.complete(null);
            result.complete(null);
        }, thread);
    }

    private void releaseClient() {
        publishes.detach("the connection closed");
        if (client != null) {
            generation++; // late callbacks of the released client are ignored
            client.abort();
            client = null;
        }
        capabilities = null;
    }

    private <T> boolean requireConnected(CompletableFuture<T> result, String what) {
        if (client == null || status().state() != ConnectionState.CONNECTED) {
            result.completeExceptionally(new ConnectionException("Not connected: connect before " + what
                    + " (state: " + status().summary() + ")"));
            return false;
        }
        return true;
    }

    private void submit(CompletableFuture<?> result, Runnable task) {
        if (closed) {
            result.completeExceptionally(thread.closedException());
        } else {
            thread.submit(result, task);
        }
    }

    /** Receives the client library's callbacks for one client generation. */
    private final class ClientEvents implements ProtocolClient.Events {
        private final int myGeneration;

        ClientEvents(int myGeneration) {
            this.myGeneration = myGeneration;
        }

        @Override
        public void messageArrived(ReceivedMessage message) {
            if (myGeneration == generation) {
                inbound.offer(message);
            }
        }

        @Override
        public void connectionLost(Integer reasonCode, String reason) {
            thread.execute(() -> BrokerConnection.this.connectionLost(myGeneration, reasonCode, reason));
        }

        @Override
        public void subscriptionNumbered(int identifier, List<String> filters) {
            numbering.numbered(identifier, filters, System.currentTimeMillis());
        }

        @Override
        public void protocolViolation(String text) {
            if (myGeneration == generation) {
                thread.execute(() -> journal.log(Kind.VIOLATION, text));
            }
        }
    }
}
