package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 5.0 through Paho's mqttv5 asynchronous client (the engine users can choose instead of HiveMQ's). */
final class Paho5ProtocolClient implements ProtocolClient {

    private static final Logger LOG = LoggerFactory.getLogger(Paho5ProtocolClient.class);

    private final ConnectionSettings settings;
    private final MqttAsyncClient client;
    private final Events events;
    private final PahoThreads threads;
    private volatile boolean closing;

    Paho5ProtocolClient(ConnectionSettings settings, String clientId, Events events) throws ConnectionException {
        this.settings = settings;
        this.events = events;
        this.threads = new PahoThreads(clientId, () -> closing, events);
        try {
            this.client = new MqttAsyncClient(settings.url().toPahoUri(), clientId, new MemoryPersistence(), new TimerPingSender(threads), threads);
        } catch (MqttException | IllegalArgumentException e) {
            throw new ConnectionException("Cannot create a client for " + settings.url() + ": " + e.getMessage(), null, false, e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public CompletableFuture<BrokerCapabilities> connect() {
        CompletableFuture<BrokerCapabilities> result = new CompletableFuture<>();
        try {
            client.connect(options(), null, listener(
                    token -> result.complete(Paho5Properties.capabilities(token)),
                    failure -> result.completeExceptionally(failure(failure))));
        } catch (ConnectionException e) {
            result.completeExceptionally(e);
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    private MqttConnectionOptions options() throws ConnectionException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(settings.cleanStart());
        if (!settings.sessionExpiry().isZero()) {
            o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        }
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
        o.setAutomaticReconnect(false); // BrokerConnection reconnects itself, observably
        o.setUseSubscriptionIdentifiers(false); // identifiers are the user's to choose, not Paho's
        o.setRequestProblemInfo(true);
        if (settings.username() != null && !settings.username().isEmpty()) {
            o.setUserName(settings.username());
        }
        if (settings.hasPassword()) {
            o.setPassword(settings.passwordBytes());
        }
        LastWill will = settings.lastWill();
        if (will != null) {
            MqttMessage message = new MqttMessage(will.payload(), will.qos(), will.retain(), null);
            o.setWill(will.topic(), message);
            if (!will.properties().isEmpty() || will.delaySeconds() != null) {
                MqttProperties willProperties = Paho5Properties.toPaho(will.properties());
                willProperties.setWillDelayInterval(will.delaySeconds());
                o.setWillMessageProperties(willProperties);
            }
        }
        if (settings.url().transport().secure()) {
            o.setSocketFactory(NoDelaySockets.tls(TlsContextFactory.create(settings.tls())));
            o.setHttpsHostnameVerificationEnabled(settings.tls().verifyHostname() && !settings.tls().trustAnyCertificate());
        } else {
            o.setSocketFactory(NoDelaySockets.plain());
        }
        return o;
    }


    @Override
    public CompletableFuture<List<SubscribeOutcome>> subscribe(List<SubscriptionRequest> requests) {
        // A SUBSCRIBE packet carries at most one subscription identifier, so requests are grouped by it.
        Map<Integer, List<SubscriptionRequest>> byIdentifier = new LinkedHashMap<>();
        for (SubscriptionRequest r : requests) {
            byIdentifier.computeIfAbsent(r.subscriptionIdentifier() == null ? 0 : r.subscriptionIdentifier(),
                    k -> new ArrayList<>()).add(r);
        }
        List<CompletableFuture<List<SubscribeOutcome>>> parts = new ArrayList<>();
        for (Map.Entry<Integer, List<SubscriptionRequest>> group : byIdentifier.entrySet()) {
            parts.add(subscribeGroup(group.getKey(), group.getValue()));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<String, SubscribeOutcome> byFilter = new LinkedHashMap<>();
            parts.forEach(part -> part.join().forEach(o -> byFilter.put(o.filter(), o)));
            return requests.stream().map(r -> byFilter.get(r.filter())).filter(Objects::nonNull).toList();
        });
    }

    private CompletableFuture<List<SubscribeOutcome>> subscribeGroup(int identifier, List<SubscriptionRequest> group) {
        CompletableFuture<List<SubscribeOutcome>> result = new CompletableFuture<>();
        MqttSubscription[] subscriptions = group.stream().map(r -> {
            MqttSubscription s = new MqttSubscription(r.filter(), r.qos());
            s.setNoLocal(r.noLocal());
            s.setRetainAsPublished(r.retainAsPublished());
            s.setRetainHandling(r.retainHandling());
            return s;
        }).toArray(MqttSubscription[]::new);
        MqttProperties properties = new MqttProperties();
        if (identifier != 0) {
            properties.setSubscriptionIdentifier(identifier);
        }
        try {
            client.subscribe(subscriptions, null, listener(
                    token -> result.complete(SubscribeOutcome.of(filters(group), token.getReasonCodes())),
                    failure -> {
                        int[] codes = failure instanceof MqttException me && me.getReasonCode() >= 0x80 && me.getReasonCode() <= 0xFF
                                ? new int[] {me.getReasonCode()} : null;
                        if (codes != null) {
                            result.complete(SubscribeOutcome.of(filters(group), codes));
                        } else {
                            result.completeExceptionally(failure(failure));
                        }
                    }), properties);
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    @Override
    public CompletableFuture<List<Integer>> unsubscribe(List<String> filters) {
        CompletableFuture<List<Integer>> result = new CompletableFuture<>();
        try {
            client.unsubscribe(filters.toArray(String[]::new), null, listener(token -> {
                int[] codes = token.getReasonCodes();
                List<Integer> list = new ArrayList<>();
                for (int i = 0; i < filters.size(); i++) {
                    list.add(codes == null || i >= codes.length ? 0 : codes[i]);
                }
                result.complete(list);
            }, failure -> result.completeExceptionally(failure(failure))), new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        CompletableFuture<PublishOutcome> result = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(request.payload());
        message.setQos(request.qos());
        message.setRetained(request.retain());
        message.setProperties(Paho5Properties.toPaho(request.properties()));
        try {
            client.publish(request.topic(), message, null, listener(token -> {
                int[] codes = token.getReasonCodes();
                int code = codes == null || codes.length == 0 ? 0 : codes[codes.length - 1];
                result.complete(new PublishOutcome(request.qos(), code));
            }, failure -> {
                if (failure instanceof MqttException me && me.getReasonCode() >= 0x80 && me.getReasonCode() <= 0xFF) {
                    result.complete(new PublishOutcome(request.qos(), me.getReasonCode()));
                } else {
                    result.completeExceptionally(failure(failure));
                }
            }));
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    @Override
    public int maxInFlight(BrokerCapabilities capabilities) {
        return Math.max(1, capabilities.receiveMaximum()); // the broker's Receive Maximum, which Paho enforces
    }

    @Override
    public CompletableFuture<Void> disconnect(Duration timeout) {
        closing = true;
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis(), null, listener(token -> result.complete(null), failure -> result.complete(null)),
                        0, new MqttProperties());
            } else {
                result.complete(null);
            }
        } catch (MqttException | RuntimeException e) {
            result.complete(null);
        }
        return result;
    }

    @Override
    public void close() {
        closeQuietly(false);
    }

    @Override
    public void abort() {
        closing = true;
        try {
            // Also while still connecting: otherwise Paho keeps the socket and its threads, and a late CONNACK
            // would bring a forgotten client to life with our client id.
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("forced disconnect of {} failed: {}", settings.url(), e.toString());
        }
        closeQuietly(true);
    }

    private void closeQuietly(boolean force) {
        try {
            client.close(force);
        } catch (MqttException | RuntimeException e) {
            try {
                client.close(true);
            } catch (MqttException | RuntimeException again) {
                LOG.debug("closing client for {} failed: {}", settings.url(), again.toString());
            }
        } finally {
            threads.shutdownNow();
        }
    }



    private ConnectionException failure(Throwable t) {
        if (t instanceof MqttException me) {
            int code = me.getReasonCode();
            if (code >= 0x80 && code <= 0xFF) {
                return new ConnectionException(ReasonCodes.describe(code), code, isRetryableRefusal(code), me);
            }
            return PahoClientErrors.clientFailure(me, code, settings.url());
        }
        return PahoClientErrors.clientFailure(t, -1, settings.url());
    }

    static boolean isRetryableRefusal(int code) {
        return switch (code) {
            case 0x80, 0x88, 0x89, 0x8B, 0x8D, 0x8E, 0x97, 0x98, 0x9F, 0xA0 -> true;
            default -> false;
        };
    }

    private static MqttActionListener listener(java.util.function.Consumer<IMqttToken> success,
                                               java.util.function.Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.accept(token);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failure.accept(exception);
            }
        };
    }

    private final class Callback implements MqttCallback {
        private final TopicInterner topics = new TopicInterner(200_000, events::protocolViolation);
        private final SharedSubscriptionIds sharedIds = new SharedSubscriptionIds();
        private boolean packetIdZeroReported;

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Runs on Paho's thread and Paho acknowledges only after it returns: wrap, hand over, return.
            try {
                if (message.getQos() > 0 && message.getId() == 0 && !packetIdZeroReported) {
                    packetIdZeroReported = true;
                    events.protocolViolation(ProtocolViolations.packetIdZero(topic, message.getQos()));
                }
                events.messageArrived(new ReceivedMessage(topics.intern(topic), message.getPayload(), message.getQos(), message.isRetained(),
                        message.isDuplicate(), System.nanoTime(), System.currentTimeMillis(), Paho5Properties.fromPaho(message.getProperties(), sharedIds)));
            } catch (RuntimeException e) {
                LOG.warn("could not hand over a message on {}: {}", topic, e.toString());
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (closing) {
                return;
            }
            try {
                MqttException cause = response.getException();
                if (cause != null) {
                    ConnectionException described = failure(cause);
                    events.connectionLost(described.reasonCode(), described.getMessage());
                } else {
                    int code = response.getReturnCode();
                    String text = "Broker disconnected: " + ReasonCodes.describe(code)
                            + (response.getReasonString() == null ? "" : " (" + response.getReasonString() + ")");
                    events.connectionLost(code, text);
                }
            } catch (RuntimeException e) {
                LOG.warn("disconnect handling failed: {}", e.toString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT error on {}: {}", settings.url(), exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publish results are reported through each publish's own listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connect results are reported through the connect listener.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("AUTH packet {} from {}", reasonCode, settings.url());
        }
    }

    private static List<String> filters(List<SubscriptionRequest> requests) {
        return requests.stream().map(SubscriptionRequest::filter).toList();
    }
}
