package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * The publishes of one connection, in order. No more are handed to the client library than its window
 * allows (the broker's receive maximum), so a burst of sends waits its turn instead of being refused;
 * and when the client goes away, every publish still waiting or unacknowledged is failed with the
 * reason, so no sender waits forever. Confined to the connection thread.
 */
final class PublishFlow {
    /** How soon to look again when the client library's window is unexpectedly full. */
    private static final long WINDOW_RETRY_MILLIS = 2;

    private record Pending(PublishRequest request, CompletableFuture<PublishOutcome> result) {
    }

    private final ConnectionThread thread;
    private final BiConsumer<Kind, String> log;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final Set<Pending> issued = new LinkedHashSet<>();
    private ProtocolClient client;
    private int clientGeneration;
    private int inFlight;
    private int maxInFlight = 1;
    private boolean retryScheduled;

    PublishFlow(ConnectionThread thread, BiConsumer<Kind, String> log) {
        this.thread = thread;
        this.log = log;
    }

    /** Starts sending through a newly connected client. */
    void attach(ProtocolClient connected, BrokerCapabilities capabilities) {
        client = connected;
        clientGeneration++;
        inFlight = 0;
        maxInFlight = connected.maxInFlight(capabilities);
    }

    void enqueue(PublishRequest request, CompletableFuture<PublishOutcome> result) {
        waiting.addLast(new Pending(request, result));
        send();
    }

    /** The client is gone: fail what waits and what was never acknowledged. */
    void detach(String reason) {
        client = null;
        clientGeneration++;
        inFlight = 0;
        Pending pending;
        while ((pending = waiting.pollFirst()) != null) {
            pending.result().completeExceptionally(new ConnectionException("Not sent: " + reason));
        }
        // Paho may never report on the messages of a client we drop; their senders must not wait forever.
        for (Pending sent : issued) {
            sent.result().completeExceptionally(new ConnectionException("Not acknowledged: " + reason));
        }
        issued.clear();
    }

    private void send() {
        while (!waiting.isEmpty() && client != null && inFlight < maxInFlight) {
            Pending next = waiting.removeFirst();
            CompletableFuture<PublishOutcome> sending = client.publish(next.request());
            if (refusedForAFullWindow(sending)) {
                // Paho counts a QoS 0 message in its window until it is written, and may report it done a moment
                // before it frees the slot. Keep the order: this one goes first, a little later.
                waiting.addFirst(next);
                retrySoon();
                return;
            }
            inFlight++;
            issued.add(next);
            int generation = clientGeneration;
            sending.whenCompleteAsync((outcome, error) -> completed(next, generation, outcome, error), thread);
        }
    }

    private void completed(Pending pending, int generation, PublishOutcome outcome, Throwable error) {
        boolean sameClient = generation == clientGeneration;
        if (sameClient) {
            inFlight--;
            issued.remove(pending);
        }
        PublishRequest request = pending.request();
        String what = "PUBLISH " + request.topic() + " (" + request.payload().length + " bytes, QoS " + request.qos()
                + (request.retain() ? ", retained" : "") + ")";
        if (error != null) {
            ConnectionException failure = ConnectionException.unwrap(error);
            log.accept(Kind.ERROR, what + " failed: " + failure.getMessage());
            pending.result().completeExceptionally(failure);
        } else {
            log.accept(outcome.success() ? Kind.PUBLISH : Kind.ERROR, what + ": " + outcome.description());
            pending.result().complete(outcome);
        }
        if (sameClient) {
            send();
        }
    }

    private static boolean refusedForAFullWindow(CompletableFuture<PublishOutcome> sending) {
        if (!sending.isCompletedExceptionally()) {
            return false;
        }
        try {
            sending.join();
            return false;
        } catch (CompletionException e) {
            return ConnectionException.unwrap(e) instanceof PahoClientErrors.WindowFull;
        }
    }

    private void retrySoon() {
        if (!retryScheduled) {
            retryScheduled = true;
            thread.schedule(() -> {
                retryScheduled = false;
                send();
            }, WINDOW_RETRY_MILLIS);
        }
    }
}
