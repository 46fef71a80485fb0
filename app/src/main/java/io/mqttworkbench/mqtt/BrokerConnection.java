package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
    private static final int EVENT_LOG_LIMIT = 2_000;
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Extra time over the connect timeout before we give up on a CONNACK ourselves. */
    private static final long CONNACK_GRACE_MILLIS = 2_000;

    private final String name;
    private final ConnectionSettings settings;
    private final String clientId;
    private final InboundQueue inbound;
    private final ScheduledThreadPoolExecutor thread;
    private final Executor onThread = this::runOnConnectionThread;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ConnectionEvent> eventLog = new ArrayDeque<>();

    private volatile ConnectionStatus status = ConnectionStatus.of(ConnectionState.DISCONNECTED, null);
    private volatile BrokerCapabilities capabilities;
    private volatile List<SubscriptionRequest> subscriptionSnapshot = List.of();
    private volatile boolean closed;

    // Confined to the connection thread.
    private ProtocolClient client;
    private int generation;
    private int reconnectAttempt;
    private CompletableFuture<BrokerCapabilities> pendingConnect;
    private CompletableFuture<Void> pendingDisconnect;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> connackTimeoutTask;
    private final Map<String, SubscriptionRequest> subscriptions = new LinkedHashMap<>();
    private final ArrayDeque<WaitingPublish> waitingPublishes = new ArrayDeque<>();
    private int inFlight;
    private int maxInFlight = 1;

    public BrokerConnection(String name, ConnectionSettings settings, InboundQueue inbound) {
        PahoLogging.quiet();
        this.name = name;
        this.settings = settings;
        this.inbound = inbound;
        // One id for the life of this connection, so a persistent session survives reconnects.
        this.clientId = settings.clientId().isBlank() ? ClientIds.generate() : settings.clientId();
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "mqtt-connection-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
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
        return status;
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
        return subscriptionSnapshot;
    }

    /** A copy of the most recent events, oldest first. */
    public List<ConnectionEvent> events() {
        synchronized (eventLog) {
            return new ArrayList<>(eventLog);
        }
    }

    /** Listeners are called on the connection thread and must return quickly. */
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
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
            if (!requireConnected(result, "subscribing")) {
                return;
            }
            log(Kind.SUBSCRIBE, "SUBSCRIBE " + describe(requests));
            client.subscribe(requests).whenCompleteAsync((outcomes, error) -> {
                if (error != null) {
                    ConnectionException failure = ConnectionException.unwrap(error);
                    log(Kind.ERROR, "Subscribe failed: " + failure.getMessage());
                    result.completeExceptionally(failure);
                    return;
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    SubscribeOutcome outcome = outcomes.get(i);
                    log(outcome.granted() ? Kind.SUBSCRIBE : Kind.ERROR, "SUBACK " + outcome.filter() + ": " + outcome.description());
                    if (outcome.granted()) {
                        subscriptions.put(outcome.filter(), requests.get(i));
                    }
                }
                subscriptionSnapshot = List.copyOf(subscriptions.values());
                result.complete(outcomes);
            }, onThread);
        });
        return result;
    }

    /** Unsubscribes; the filter is also forgotten so it is not restored after a reconnect. */
    public CompletableFuture<Integer> unsubscribe(String filter) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        submit(result, () -> {
            subscriptions.remove(filter);
            subscriptionSnapshot = List.copyOf(subscriptions.values());
            if (client == null || status.state() != ConnectionState.CONNECTED) {
                result.complete(0);
                return;
            }
            client.unsubscribe(List.of(filter)).whenCompleteAsync((codes, error) -> {
                if (error != null) {
                    ConnectionException failure = ConnectionException.unwrap(error);
                    log(Kind.ERROR, "Unsubscribe from " + filter + " failed: " + failure.getMessage());
                    result.completeExceptionally(failure);
                } else {
                    log(Kind.UNSUBSCRIBE, "UNSUBACK " + filter + ": " + ReasonCodes.describe(codes.get(0)));
                    result.complete(codes.get(0));
                }
            }, onThread);
        });
        return result;
    }

    /**
     * Publishes. QoS 1 and 2 messages beyond the broker's receive maximum wait here, in order, until
     * earlier ones are acknowledged, so a burst of sends is never refused for being a burst.
     */
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        CompletableFuture<PublishOutcome> result = new CompletableFuture<>();
        submit(result, () -> {
            if (!requireConnected(result, "publishing")) {
                return;
            }
            waitingPublishes.addLast(new WaitingPublish(request, result));
            sendWaitingPublishes();
        });
        return result;
    }

    private void sendWaitingPublishes() {
        while (!waitingPublishes.isEmpty() && client != null) {
            WaitingPublish next = waitingPublishes.peekFirst();
            boolean acknowledged = next.request().qos() > 0;
            if (acknowledged && inFlight >= maxInFlight) {
                return;
            }
            waitingPublishes.removeFirst();
            if (acknowledged) {
                inFlight++;
            }
            int myGeneration = generation;
            PublishRequest request = next.request();
            client.publish(request).whenCompleteAsync((outcome, error) -> {
                if (acknowledged && myGeneration == generation) {
                    inFlight--;
                }
                String what = "PUBLISH " + request.topic() + " (" + request.payload().length + " bytes, QoS " + request.qos()
                        + (request.retain() ? ", retained" : "") + ")";
                if (error != null) {
                    ConnectionException failure = ConnectionException.unwrap(error);
                    log(Kind.ERROR, what + " failed: " + failure.getMessage());
                    next.result().completeExceptionally(failure);
                } else {
                    log(outcome.success() ? Kind.PUBLISH : Kind.ERROR, what + ": " + outcome.description());
                    next.result().complete(outcome);
                }
                if (myGeneration == generation) {
                    sendWaitingPublishes();
                }
            }, onThread);
        }
    }

    private void failWaitingPublishes(String reason) {
        inFlight = 0;
        WaitingPublish waiting;
        while ((waiting = waitingPublishes.pollFirst()) != null) {
            waiting.result().completeExceptionally(new ConnectionException("Not sent: " + reason));
        }
    }

    private record WaitingPublish(PublishRequest request, CompletableFuture<PublishOutcome> result) {
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
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- connection thread from here on ----

    private void startConnect(CompletableFuture<BrokerCapabilities> result, boolean isReconnect) {
        if (pendingDisconnect != null) {
            pendingDisconnect.whenCompleteAsync((ignored, error) -> startConnect(result, isReconnect), onThread);
            return;
        }
        ConnectionState state = status.state();
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
        cancel(reconnectTask);
        if (!isReconnect) {
            reconnectAttempt = 0;
        }
        releaseClient();
        int myGeneration = ++generation;
        if (isReconnect) {
            setStatus(ConnectionState.RECONNECTING, null, "attempt " + reconnectAttempt + ", connecting to " + settings.url());
        } else {
            setStatus(ConnectionState.CONNECTING, null, settings.url().toString());
        }
        log(Kind.CONNECT, (isReconnect ? "Reconnecting" : "Connecting") + " to " + settings.url() + " with MQTT "
                + settings.version() + " as client id '" + clientId + "'"
                + (settings.username() == null || settings.username().isEmpty() ? "" : ", user '" + settings.username() + "'"));
        try {
            client = ProtocolClient.create(settings, clientId, new ClientEvents(myGeneration));
        } catch (ConnectionException e) {
            connectFailed(myGeneration, e, result, isReconnect);
            return;
        }
        pendingConnect = result;
        connackTimeoutTask = thread.schedule(() -> connackTimedOut(myGeneration, isReconnect),
                settings.connectTimeout().toMillis() + CONNACK_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        client.connect().whenCompleteAsync((caps, error) -> {
            if (myGeneration != generation) {
                return; // superseded by a disconnect or a newer connect; that path completed the future
            }
            if (error != null) {
                connectFailed(myGeneration, ConnectionException.unwrap(error), result, isReconnect);
            } else {
                connected(caps, result);
            }
        }, onThread);
    }

    private void connected(BrokerCapabilities caps, CompletableFuture<BrokerCapabilities> result) {
        cancel(connackTimeoutTask);
        pendingConnect = null;
        capabilities = caps;
        maxInFlight = client.maxInFlight(caps);
        inFlight = 0;
        reconnectAttempt = 0;
        setStatus(ConnectionState.CONNECTED, 0, settings.url().toString());
        log(Kind.CONNACK, "CONNACK " + ReasonCodes.describe(0) + ": " + caps.summary());
        result.complete(caps);
        restoreSubscriptions(caps.sessionPresent());
    }

    private void connectFailed(int myGeneration, ConnectionException failure, CompletableFuture<BrokerCapabilities> result,
                               boolean isReconnect) {
        if (myGeneration != generation) {
            return;
        }
        cancel(connackTimeoutTask);
        pendingConnect = null;
        releaseClient();
        log(failure.reasonCode() != null ? Kind.CONNACK : Kind.ERROR,
                (failure.reasonCode() != null ? "CONNACK " : "Connect failed: ") + failure.getMessage());
        if (isReconnect && failure.retryable() && settings.reconnect().enabled() && !closed) {
            scheduleReconnect(failure.reasonCode(), failure.getMessage());
        } else {
            setStatus(ConnectionState.FAILED, failure.reasonCode(), failure.getMessage());
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
        if (myGeneration != generation || status.state() != ConnectionState.CONNECTED) {
            return;
        }
        releaseClient();
        log(Kind.DISCONNECT, "Connection lost: " + reason);
        boolean takenOver = reasonCode != null && reasonCode == 0x8E;
        if (settings.reconnect().enabled() && !takenOver && !closed) {
            scheduleReconnect(reasonCode, "connection lost: " + reason);
        } else {
            setStatus(ConnectionState.FAILED, reasonCode, takenOver
                    ? reason + " (another client connected with client id '" + clientId + "')" : "connection lost: " + reason);
        }
    }

    private void scheduleReconnect(Integer reasonCode, String reason) {
        reconnectAttempt++;
        Duration delay = settings.reconnect().delayBefore(reconnectAttempt);
        String when = delay.toMillis() < 1000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s";
        setStatus(ConnectionState.RECONNECTING, reasonCode, reason + "; retrying in " + when + " (attempt " + reconnectAttempt + ")");
        log(Kind.RECONNECT, "Reconnect attempt " + reconnectAttempt + " in " + when);
        reconnectTask = thread.schedule(() -> startConnect(new CompletableFuture<>(), true), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restoreSubscriptions(boolean sessionPresent) {
        if (subscriptions.isEmpty()) {
            return;
        }
        if (sessionPresent && !settings.cleanStart()) {
            log(Kind.INFO, "Session resumed: the broker kept " + subscriptions.size() + " subscription(s)");
            return;
        }
        List<SubscriptionRequest> toRestore = List.copyOf(subscriptions.values());
        log(Kind.SUBSCRIBE, "Restoring " + toRestore.size() + " subscription(s): " + describe(toRestore));
        client.subscribe(toRestore).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                log(Kind.ERROR, "Restoring subscriptions failed: " + ConnectionException.unwrap(error).getMessage());
                return;
            }
            outcomes.forEach(o -> log(o.granted() ? Kind.SUBSCRIBE : Kind.ERROR, "SUBACK " + o.filter() + ": " + o.description()));
        }, onThread);
    }

    private void stopClient(CompletableFuture<Void> result) {
        cancel(reconnectTask);
        cancel(connackTimeoutTask);
        generation++; // callbacks of the old client are ignored from now on
        if (pendingConnect != null) {
            pendingConnect.completeExceptionally(new ConnectionException("Connect cancelled"));
            pendingConnect = null;
        }
        if (pendingDisconnect != null) {
            pendingDisconnect.whenComplete((ignored, error) -> result.complete(null));
            return;
        }
        failWaitingPublishes("disconnected before the message went out");
        ProtocolClient current = client;
        client = null;
        capabilities = null;
        if (current == null) {
            if (status.state() != ConnectionState.DISCONNECTED && status.state() != ConnectionState.FAILED) {
                setStatus(ConnectionState.DISCONNECTED, null, null);
                log(Kind.DISCONNECT, "Disconnected");
            }
            result.complete(null);
            return;
        }
        if (status.state() != ConnectionState.CONNECTED) {
            current.abort();
            setStatus(ConnectionState.DISCONNECTED, null, null);
            log(Kind.DISCONNECT, "Connect cancelled");
            result.complete(null);
            return;
        }
        CompletableFuture<Void> disconnecting = new CompletableFuture<>();
        pendingDisconnect = disconnecting;
        current.disconnect(DISCONNECT_TIMEOUT).whenCompleteAsync((ignored, error) -> {
            current.close();
            pendingDisconnect = null;
            setStatus(ConnectionState.DISCONNECTED, 0, null);
            log(Kind.DISCONNECT, "Disconnected (DISCONNECT " + ReasonCodes.describe(0) + ")");
            disconnecting.complete(null);
            result.complete(null);
        }, onThread);
    }

    private void releaseClient() {
        failWaitingPublishes("the connection closed before the message went out");
        if (client != null) {
            generation++; // late callbacks of the released client are ignored
            client.abort();
            client = null;
        }
        capabilities = null;
    }

    private <T> boolean requireConnected(CompletableFuture<T> result, String what) {
        if (client == null || status.state() != ConnectionState.CONNECTED) {
            result.completeExceptionally(new ConnectionException("Not connected: connect before " + what
                    + " (state: " + status.summary() + ")"));
            return false;
        }
        return true;
    }

    private void setStatus(ConnectionState state, Integer reasonCode, String reason) {
        ConnectionStatus next = ConnectionStatus.of(state, reasonCode, reason);
        status = next;
        for (ConnectionListener listener : listeners) {
            try {
                listener.statusChanged(next);
            } catch (RuntimeException e) {
                LOG.warn("status listener of {} failed", name, e);
            }
        }
    }

    private void log(Kind kind, String text) {
        ConnectionEvent event = ConnectionEvent.now(kind, text);
        synchronized (eventLog) {
            eventLog.addLast(event);
            if (eventLog.size() > EVENT_LOG_LIMIT) {
                eventLog.removeFirst();
            }
        }
        if (kind != Kind.PUBLISH) {
            LOG.info("[{}] {}", name, text);
        }
        for (ConnectionListener listener : listeners) {
            try {
                listener.eventLogged(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener of {} failed", name, e);
            }
        }
    }

    private void submit(CompletableFuture<?> result, Runnable task) {
        if (closed) {
            result.completeExceptionally(new ConnectionException("The connection '" + name + "' is closed"));
            return;
        }
        try {
            thread.execute(guarded(task, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionException("The connection '" + name + "' is closed"));
        }
    }

    private void runOnConnectionThread(Runnable task) {
        try {
            thread.execute(guarded(task, null));
        } catch (RejectedExecutionException e) {
            LOG.debug("connection {} closed; dropped a completion", name);
        }
    }

    private Runnable guarded(Runnable task, CompletableFuture<?> result) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on connection {}", name, e);
                log(Kind.ERROR, "Internal error: " + e);
                if (result != null) {
                    result.completeExceptionally(e);
                }
            }
        };
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private static String describe(List<SubscriptionRequest> requests) {
        StringBuilder sb = new StringBuilder();
        for (SubscriptionRequest r : requests) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(r.filter()).append(" (QoS ").append(r.qos()).append(')');
        }
        return sb.toString();
    }

    /** Receives the client library's callbacks for one client generation. */
    private final class ClientEvents implements ProtocolClient.Events {
        private final int myGeneration;

        ClientEvents(int myGeneration) {
            this.myGeneration = myGeneration;
        }

        @Override
        public void messageArrived(ReceivedMessage message) {
            inbound.offer(message);
        }

        @Override
        public void connectionLost(Integer reasonCode, String reason) {
            runOnConnectionThread(() -> BrokerConnection.this.connectionLost(myGeneration, reasonCode, reason));
        }
    }
}
