package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The connection thread's side of a {@link BrokerConnection}: connecting, the CONNACK timeout, losing the
 * connection and reconnecting with backoff, disconnecting, and which client generation is current. Split from
 * {@link BrokerConnection}, which keeps the public API and hands each operation to this connection's thread.
 * Everything here runs on that thread unless it says otherwise.
 */
final class ConnectionStateMachine {

    static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Extra time over the connect timeout before we give up on a CONNACK ourselves. */
    private static final long CONNACK_GRACE_MILLIS = 2_000;
    /**
     * A connection up for this long counts as working: when it drops, reconnecting starts again with an
     * immediate attempt (waiting instead costs messages: a broker queues only so many for an absent session). One dropped sooner (a broker that closes on every connect, or sends a malformed
     * packet each time) keeps backing off instead of spinning.
     */
    private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConnectionSettings settings;
    private final String clientId;
    private final InboundQueue inbound;
    private final ConnectionJournal journal;
    private final ConnectionThread thread;
    private final SubscriptionRegistry subscriptions;
    private final PublishFlow publishes;
    private final ConnectTimers timers;
    private final SubscriptionNumbering numbering;

    private volatile BrokerCapabilities capabilities;
    private volatile boolean closed;

    // Confined to the connection thread.
    private ProtocolClient client;
    /** Written on the connection thread only; read by the client library's threads to drop stale callbacks. */
    private volatile int generation;
    private CompletableFuture<BrokerCapabilities> pendingConnect;
    private CompletableFuture<Void> pendingDisconnect;
    private long connectedAtNanos;

    ConnectionStateMachine(ConnectionSettings settings, String clientId, InboundQueue inbound, ConnectionJournal journal, ConnectionThread thread,
                           SubscriptionRegistry subscriptions, PublishFlow publishes, ConnectTimers timers, SubscriptionNumbering numbering) {
        this.settings = settings;
        this.clientId = clientId;
        this.inbound = inbound;
        this.journal = journal;
        this.thread = thread;
        this.subscriptions = subscriptions;
        this.publishes = publishes;
        this.timers = timers;
        this.numbering = numbering;
    }

    /** What the broker announced in its last CONNACK, or null when not connected. Any thread. */
    BrokerCapabilities capabilities() {
        return capabilities;
    }

    /** The current client, or null. */
    ProtocolClient client() {
        return client;
    }

    /** The current client while connected, else null. */
    ProtocolClient connectedClient() {
        return journal.status().state() == ConnectionState.CONNECTED ? client : null;
    }

    boolean closed() {
        return closed;
    }

    /** From now on every operation fails at once. Any thread. */
    void markClosed() {
        closed = true;
    }

    void startConnect(CompletableFuture<BrokerCapabilities> result, boolean isReconnect) {
        if (closed) {
            result.completeExceptionally(thread.closedException());
            return;
        }
        if (pendingDisconnect != null) {
            pendingDisconnect.whenComplete((ignored, error) -> submit(result, () -> startConnect(result, isReconnect)));
            return;
        }
        ConnectionState state = journal.status().state();
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
        if (myGeneration != generation || journal.status().state() != ConnectionState.CONNECTED) {
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

    void stopClient(CompletableFuture<Void> result) {
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
            ConnectionState state = journal.status().state();
            if (state != ConnectionState.DISCONNECTED && state != ConnectionState.FAILED) {
                journal.status(ConnectionState.DISCONNECTED, null, null);
                journal.log(Kind.DISCONNECT, "Disconnected");
            }
            result.complete(null);
            return;
        }
        if (journal.status().state() != ConnectionState.CONNECTED) {
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

    <T> boolean requireConnected(CompletableFuture<T> result, String what) {
        if (client == null || journal.status().state() != ConnectionState.CONNECTED) {
            result.completeExceptionally(new ConnectionException("Not connected: connect before " + what
                    + " (state: " + journal.status().summary() + ")"));
            return false;
        }
        return true;
    }

    void submit(CompletableFuture<?> result, Runnable task) {
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
            thread.execute(() -> ConnectionStateMachine.this.connectionLost(myGeneration, reasonCode, reason));
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
