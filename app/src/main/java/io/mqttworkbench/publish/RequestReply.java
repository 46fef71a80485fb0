package io.mqttworkbench.publish;

import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * MQTT 5 request/response: subscribes to the response topic first, publishes the request with that
 * response topic and fresh random correlation data, and completes with the reply that carries the same
 * correlation data, or fails after the timeout. Whoever reads the connection's messages hands each one
 * to {@link #offer(ReceivedMessage)}.
 *
 * <p>The subscription to the response topic is temporary: it is released (UNSUBSCRIBE) once the last
 * request waiting on that topic has its reply, its timeout or its failure, before the result is told.
 */
public final class RequestReply {

    /** The matching reply and how long it took from the request leaving to the reply arriving. */
    public record Reply(ReceivedMessage message, Duration roundTrip, String responseTopic, String correlationHex) {
    }

    private record Waiter(String topic, long sentNanos, CompletableFuture<Reply> reply) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Function<SubscriptionRequest, CompletableFuture<SubscribeOutcome>> subscribe;
    private final Function<String, CompletableFuture<?>> release;
    private final Function<PublishRequest, CompletableFuture<PublishOutcome>> publish;
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    /** How many requests use each response topic: the subscription goes with the last. Guarded by itself. */
    private final Map<String, Integer> users = new java.util.HashMap<>();

    /**
     * @param subscribe subscribes to a response topic for a moment (not to be restored on a reconnect)
     * @param release   ends that subscription
     */
    public RequestReply(Function<SubscriptionRequest, CompletableFuture<SubscribeOutcome>> subscribe,
                        Function<String, CompletableFuture<?>> release,
                        Function<PublishRequest, CompletableFuture<PublishOutcome>> publish) {
        this.subscribe = subscribe;
        this.release = release;
        this.publish = publish;
    }

    /** The default response topic: {@code <topic>/reply/<client id>}. */
    public static String defaultResponseTopic(String topic, String clientId) {
        return topic + "/reply/" + clientId;
    }

    /**
     * Sends {@code request} (its own response topic and correlation data are replaced) and waits up to
     * {@code timeout} for the reply.
     */
    public CompletableFuture<Reply> send(Composition request, String responseTopic, Duration timeout) {
        byte[] correlation = new byte[16];
        RANDOM.nextBytes(correlation);
        String key = HexFormat.of().formatHex(correlation);
        Composition withReply = request.withResponse(responseTopic, key, true);
        PublishRequest message = withReply.toRequest(Placeholders.Context.of(1));
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (users) {
            users.merge(responseTopic, 1, Integer::sum);
        }
        CompletableFuture<SubscribeOutcome> subscribed;
        try {
            subscribed = subscribe.apply(SubscriptionRequest.of(responseTopic, 1));
        } catch (RuntimeException e) {
            subscribed = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Reply> answered = subscribed.thenCompose(outcome -> {
            if (!outcome.granted()) {
                throw new IllegalStateException("Subscribing to the response topic " + responseTopic + " was refused: " + outcome.description());
            }
            waiting.put(key, new Waiter(responseTopic, System.nanoTime(), reply));
            return publish.apply(message);
        }).thenCompose(published -> {
            if (!published.success()) {
                waiting.remove(key);
                throw new IllegalStateException("The request was refused: " + published.description());
            }
            return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }).handle((result, error) -> {
            waiting.remove(key);
            if (error == null) {
                return result;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                throw new java.util.concurrent.CompletionException(new TimeoutException(
                        "No reply on " + responseTopic + " within " + timeout.toMillis() / 1000.0 + " s"));
            }
            throw new java.util.concurrent.CompletionException(cause);
        });
        return answered.handle((result, error) -> null).thenCompose(ended -> done(responseTopic)).thenCompose(released -> answered);
    }

    /** Releases the response topic when no other request waits on it; completes when the broker answered (or could not). */
    private CompletableFuture<Void> done(String responseTopic) {
        boolean last;
        synchronized (users) {
            last = users.merge(responseTopic, -1, Integer::sum) <= 0;
            if (last) {
                users.remove(responseTopic);
            }
        }
        if (!last) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return release.apply(responseTopic).handle((code, error) -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null); // not connected: nothing the broker could hold for a clean session
        }
    }

    /** A received message: completes the request waiting for it, if any. Cheap enough for every message. */
    public void offer(ReceivedMessage message) {
        if (waiting.isEmpty()) {
            return;
        }
        byte[] correlation = message.properties().correlationData();
        if (correlation == null) {
            return;
        }
        String key = HexFormat.of().formatHex(correlation);
        Waiter waiter = waiting.get(key);
        if (waiter != null && waiter.topic().equals(message.topic())) {
            waiting.remove(key);
            waiter.reply().complete(new Reply(message, Duration.ofNanos(message.receivedNanos() - waiter.sentNanos()), waiter.topic(), key));
        }
    }
}
