package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.TimerPingSender;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 3.1.1 through Paho's mqttv3 asynchronous client (the engine users can choose instead of HiveMQ's). */
final class Paho3ProtocolClient implements ProtocolClient {

    private static final Logger LOG = LoggerFactory.getLogger(Paho3ProtocolClient.class);
    /** How many QoS 1/2 publishes may await acknowledgement; Paho's default of 10 throttles repeated sends. */
    private static final int MAX_INFLIGHT = 1000;

    private final ConnectionSettings settings;
    private final MqttAsyncClient client;
    private final Events events;
    private final PahoThreads threads;
    private volatile boolean closing;

    Paho3ProtocolClient(ConnectionSettings settings, String clientId, Events events) throws ConnectionException {
        this.settings = settings;
        this.events = events;
        this.threads = new PahoThreads(clientId, () -> closing, events);
        try {
            this.client = new MqttAsyncClient(settings.url().toPahoUri(), clientId, new MemoryPersistence(), new TimerPingSender(), threads);
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
                    token -> result.complete(BrokerCapabilities.v3Defaults(token.getSessionPresent())),
                    failure -> result.completeExceptionally(failure(failure))));
        } catch (ConnectionException e) {
            result.completeExceptionally(e);
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    private MqttConnectOptions options() throws ConnectionException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(settings.cleanStart());
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
        o.setAutomaticReconnect(false);
        o.setMaxInflight(MAX_INFLIGHT);
        if (settings.username() != null && !settings.username().isEmpty()) {
            o.setUserName(settings.username());
        }
        if (settings.hasPassword()) {
            o.setPassword(settings.password());
        }
        LastWill will = settings.lastWill();
        if (will != null) {
            o.setWill(will.topic(), will.payload(), will.qos(), will.retain());
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
        CompletableFuture<List<SubscribeOutcome>> result = new CompletableFuture<>();
        String[] filters = requests.stream().map(SubscriptionRequest::filter).toArray(String[]::new);
        int[] qos = requests.stream().mapToInt(SubscriptionRequest::qos).toArray();
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(SubscribeOutcome.of(List.of(filters), token.getGrantedQos()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    // Paho fails the token when any filter was refused (0x80); the granted codes still say which.
                    int[] granted = token == null ? null : token.getGrantedQos();
                    if (granted != null && granted.length > 0) {
                        result.complete(SubscribeOutcome.of(List.of(filters), granted));
                    } else if (exception instanceof MqttException me && me.getReasonCode() == 0x80) {
                        result.complete(SubscribeOutcome.of(List.of(filters), new int[] {0x80}));
                    } else {
                        result.completeExceptionally(failure(exception));
                    }
                }
            });
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    @Override
    public CompletableFuture<List<Integer>> unsubscribe(List<String> filters) {
        CompletableFuture<List<Integer>> result = new CompletableFuture<>();
        try {
            client.unsubscribe(filters.toArray(String[]::new), null, listener(
                    token -> result.complete(Collections.nCopies(filters.size(), 0)),
                    failure -> result.completeExceptionally(failure(failure))));
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
        try {
            client.publish(request.topic(), message, null, listener(
                    token -> result.complete(new PublishOutcome(request.qos(), 0)),
                    failure -> result.completeExceptionally(failure(failure))));
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    @Override
    public int maxInFlight(BrokerCapabilities capabilities) {
        return MAX_INFLIGHT;
    }

    @Override
    public CompletableFuture<Void> disconnect(Duration timeout) {
        closing = true;
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis(), null, listener(token -> result.complete(null), failure -> result.complete(null)));
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
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("closing client for {} failed: {}", settings.url(), e.toString());
        } finally {
            threads.shutdownNow();
        }
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
        close();
    }

    private ConnectionException failure(Throwable t) {
        if (t instanceof MqttException me) {
            int code = me.getReasonCode();
            if (code >= 1 && code <= 5) {
                // A CONNACK refusal: reported with the MQTT 5 code that means the same, so callers see one scheme.
                int v5 = ReasonCodes.v3ConnackToV5(code);
                return new ConnectionException(ReasonCodes.describe(v5), v5, code == 3, me);
            }
            return PahoClientErrors.clientFailure(me, code, settings.url());
        }
        return PahoClientErrors.clientFailure(t, -1, settings.url());
    }

    private static IMqttActionListener listener(Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return new IMqttActionListener() {
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

    private final class Callback implements MqttCallbackExtended {
        private final TopicInterner topics = new TopicInterner(200_000, events::protocolViolation);
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
                        message.isDuplicate(), System.nanoTime(), System.currentTimeMillis(), MessageProperties.NONE));
            } catch (RuntimeException e) {
                LOG.warn("could not hand over a message on {}: {}", topic, e.toString());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (closing) {
                return;
            }
            try {
                ConnectionException described = failure(cause);
                events.connectionLost(described.reasonCode(), described.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("connection-lost handling failed: {}", e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publish results are reported through each publish's own listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connect results are reported through the connect listener.
        }
    }
}
