package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The subscriptions a connection holds: sent to the broker, answered per filter, and restored after a
 * reconnect. An unsubscribe also bumps the filter's epoch, so a SUBACK already on its way cannot bring
 * the filter back. Confined to the connection thread, except {@link #snapshot()}.
 */
final class SubscriptionRegistry {
    private final Executor onThread;
    private final BiConsumer<Kind, String> log;
    private final MqttEngine engine;
    private final BiConsumer<List<SubscribeOutcome>, Boolean> restored;
    private final Map<String, SubscriptionRequest> active = new LinkedHashMap<>();
    private final Map<String, Integer> epochs = new HashMap<>();
    /** Temporary filters released while offline: a resumed session may still hold them. */
    private final Set<String> releasedOffline = new LinkedHashSet<>();
    private final AutoSubscriptionIds autoIds = new AutoSubscriptionIds();
    private final SubscriptionNumbering numbering;
    private volatile List<SubscriptionRequest> snapshot = List.of();

    /** @param restored told of each restore: the outcomes, or none and true when the session kept them */
    SubscriptionRegistry(Executor onThread, BiConsumer<Kind, String> log, MqttEngine engine, BiConsumer<List<SubscribeOutcome>, Boolean> restored,
                         SubscriptionNumbering numbering) {
        this.numbering = numbering;
        this.onThread = onThread;
        this.restored = restored;
        this.log = log;
        this.engine = engine;
    }

    /** The granted subscriptions; any thread. */
    List<SubscriptionRequest> snapshot() {
        return snapshot;
    }

    /** @param identifiersAvailable whether the broker takes subscription identifiers (MQTT 5 and its CONNACK says so) */
    void subscribe(ProtocolClient client, List<SubscriptionRequest> asked, boolean identifiersAvailable,
                   CompletableFuture<List<SubscribeOutcome>> result) {
        List<SubscriptionRequest> requests = engine.sendsChosenSubscriptionIdentifiers() && identifiersAvailable
                ? autoIds.assign(asked, active.values()) : asked;
        log.accept(Kind.SUBSCRIBE, "SUBSCRIBE " + describe(requests));
        if (!engine.sendsChosenSubscriptionIdentifiers()) {
            for (SubscriptionRequest r : requests) {
                if (r.subscriptionIdentifier() != null) {
                    log.accept(Kind.INFO, "Subscription identifier " + r.subscriptionIdentifier() + " of " + r.filter() + " is not sent: "
                            + engine.label() + " numbers subscriptions itself (pick Eclipse Paho as the profile's client library to send your own)");
                }
            }
        }
        numbered(requests);
        Map<String, Integer> epochAtRequest = new HashMap<>();
        requests.forEach(r -> epochAtRequest.put(r.filter(), epochs.getOrDefault(r.filter(), 0)));
        client.subscribe(requests).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                ConnectionException failure = ConnectionException.unwrap(error);
                log.accept(Kind.ERROR, "Subscribe failed: " + failure.getMessage());
                result.completeExceptionally(failure);
                return;
            }
            for (int i = 0; i < outcomes.size(); i++) {
                SubscribeOutcome outcome = outcomes.get(i);
                logOutcome(outcome);
                boolean unsubscribedMeanwhile = epochs.getOrDefault(outcome.filter(), 0) != epochAtRequest.get(outcome.filter()).intValue();
                if (outcome.granted() && !unsubscribedMeanwhile) {
                    active.put(outcome.filter(), requests.get(i));
                }
            }
            snapshot = List.copyOf(active.values());
            result.complete(outcomes);
        }, onThread);
    }

    /**
     * A subscription for a moment (a request's reply): sent, but never restored after a reconnect and not in
     * {@link #snapshot()}. A filter the user already holds is not sent again, so its options stay as they are.
     */
    void subscribeTemporarily(ProtocolClient client, SubscriptionRequest request, CompletableFuture<SubscribeOutcome> result) {
        releasedOffline.remove(request.filter());
        SubscriptionRequest held = active.get(request.filter());
        if (held != null) {
            result.complete(new SubscribeOutcome(request.filter(), held.qos()));
            return;
        }
        log.accept(Kind.SUBSCRIBE, "SUBSCRIBE " + describe(List.of(request)) + ", temporary: until the reply or the timeout");
        client.subscribe(List.of(request)).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                ConnectionException failure = ConnectionException.unwrap(error);
                log.accept(Kind.ERROR, "Subscribe failed: " + failure.getMessage());
                result.completeExceptionally(failure);
            } else {
                logOutcome(outcomes.get(0));
                result.complete(outcomes.get(0));
            }
        }, onThread);
    }

    /** Ends a temporary subscription, unless the user holds the same filter; offline, at the next resumed session. */
    void releaseTemporary(ProtocolClient connectedOrNull, String filter, CompletableFuture<Integer> result) {
        if (active.containsKey(filter)) {
            result.complete(0);
        } else if (connectedOrNull == null) {
            releasedOffline.add(filter);
            result.complete(0);
        } else {
            sendUnsubscribe(connectedOrNull, filter, result);
        }
    }

    /** Forgets the filter (so it is not restored) and, with a client at hand, unsubscribes at the broker. */
    void unsubscribe(ProtocolClient connectedOrNull, String filter, CompletableFuture<Integer> result) {
        active.remove(filter);
        epochs.merge(filter, 1, Integer::sum);
        snapshot = List.copyOf(active.values());
        if (connectedOrNull == null) {
            result.complete(0);
            return;
        }
        sendUnsubscribe(connectedOrNull, filter, result);
    }

    private void sendUnsubscribe(ProtocolClient client, String filter, CompletableFuture<Integer> result) {
        client.unsubscribe(List.of(filter)).whenCompleteAsync((codes, error) -> {
            if (error != null) {
                ConnectionException failure = ConnectionException.unwrap(error);
                log.accept(Kind.ERROR, "Unsubscribe from " + filter + " failed: " + failure.getMessage());
                result.completeExceptionally(failure);
            } else {
                log.accept(Kind.UNSUBSCRIBE, "UNSUBACK " + filter + ": " + ReasonCodes.describe(codes.get(0)));
                result.complete(codes.get(0));
            }
        }, onThread);
    }

    /** After a connect: subscribes again, unless the broker kept a persistent session with them. */
    void restore(ProtocolClient client, boolean sessionPresent, boolean cleanStart, boolean identifiersAvailable) {
        if (sessionPresent) {
            releasedOffline.forEach(filter -> sendUnsubscribe(client, filter, new CompletableFuture<>()));
        }
        releasedOffline.clear();
        if (active.isEmpty()) {
            return;
        }
        if (sessionPresent && !cleanStart) {
            log.accept(Kind.INFO, "Session resumed: the broker kept " + active.size() + " subscription(s)");
            restored.accept(List.of(), true);
            return;
        }
        List<SubscriptionRequest> held = List.copyOf(active.values());
        List<SubscriptionRequest> toRestore = identifiersAvailable ? held : autoIds.strip(held);
        log.accept(Kind.SUBSCRIBE, "Restoring " + toRestore.size() + " subscription(s): " + describe(toRestore));
        numbered(toRestore);
        client.subscribe(toRestore).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                String reason = ConnectionException.unwrap(error).getMessage();
                log.accept(Kind.ERROR, "Restoring subscriptions failed: " + reason);
                restored.accept(toRestore.stream().map(r -> new SubscribeOutcome(r.filter(), 0x80)).toList(), false);
            } else {
                outcomes.forEach(this::logOutcome);
                restored.accept(outcomes, false);
            }
        }, onThread);
    }

    /** Notes the identifiers that go out with the filters, where this engine sends them (HiveMQ's client reports its own). */
    private void numbered(List<SubscriptionRequest> sent) {
        if (!engine.sendsChosenSubscriptionIdentifiers()) {
            return;
        }
        Map<Integer, List<String>> filters = new HashMap<>();
        sent.stream().filter(r -> r.subscriptionIdentifier() != null)
                .forEach(r -> filters.computeIfAbsent(r.subscriptionIdentifier(), k -> new ArrayList<>()).add(r.filter()));
        long now = System.currentTimeMillis();
        filters.forEach((id, named) -> numbering.numbered(id, named, now));
    }

    private void logOutcome(SubscribeOutcome outcome) {
        log.accept(outcome.granted() ? Kind.SUBSCRIBE : Kind.ERROR, "SUBACK " + outcome.filter() + ": " + outcome.description());
    }

    private static String describe(List<SubscriptionRequest> requests) {
        StringBuilder sb = new StringBuilder();
        for (SubscriptionRequest r : requests) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(r.filter()).append(" (QoS ").append(r.qos());
            if (r.subscriptionIdentifier() != null) {
                sb.append(", identifier ").append(r.subscriptionIdentifier());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
