package io.mqttworkbench.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5UnsubAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5WillPublish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5Unsubscribe;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5UnsubscribeBuilder;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 5.0 through the HiveMQ MQTT Client (the default engine). */
final class HiveMq5ProtocolClient implements ProtocolClient {

    private static final Logger LOG = LoggerFactory.getLogger(HiveMq5ProtocolClient.class);

    private final ConnectionSettings settings;
    private final Mqtt5AsyncClient client;
    private final Events events;
    private final TopicInterner topics;
    private final HiveMqLifecycle lifecycle;
    private final HiveMqSubscriptionIds subscriptionIds;
    private final SharedSubscriptionIds sharedIds = new SharedSubscriptionIds();

    HiveMq5ProtocolClient(ConnectionSettings settings, String clientId, Events events) throws ConnectionException {
        this.settings = settings;
        this.events = events;
        this.topics = new TopicInterner(200_000, events::protocolViolation);
        this.subscriptionIds = new HiveMqSubscriptionIds(events::subscriptionNumbered);
        this.client = HiveMqClients.builder(settings, clientId, context -> lifecycle().disconnected(context)).useMqttVersion5().buildAsync();
        this.lifecycle = new HiveMqLifecycle(settings.url(), events, client::getState, client::disconnect);
        // Registered before CONNECT, so that what a resumed session delivers at once is not missed.
        client.publishes(MqttGlobalPublishFilter.ALL, this::arrived);
    }

    @Override
    public CompletableFuture<BrokerCapabilities> connect() {
        Mqtt5Connect connect;
        try {
            connect = connectPacket();
        } catch (ConnectionException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.connect(connect).handle((ack, error) -> {
            if (error != null) {
                throw lifecycle.connectFailed(error);
            }
            if (ack.getRestrictions().areSubscriptionIdentifiersAvailable()) {
                subscriptionIds.watch(client);
            }
            return lifecycle.connected(capabilities(ack));
        });
    }

    private Mqtt5Connect connectPacket() throws ConnectionException {
        Mqtt5ConnectBuilder builder = Mqtt5Connect.builder()
                .cleanStart(settings.cleanStart())
                .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                .keepAlive((int) settings.keepAlive().toSeconds())
                // Topics go out in full unless the user picks an alias: what the broker sees is what was typed.
                .restrictions().sendTopicAliasMaximum(0).applyRestrictions();
        Mqtt5SimpleAuth auth = simpleAuth();
        if (auth != null) {
            builder = builder.simpleAuth(auth);
        }
        LastWill will = settings.lastWill();
        if (will != null) {
            Mqtt5WillPublish willPublish = HiveMq5Properties.apply(Mqtt5WillPublish.builder()
                    .topic(will.topic()).qos(qos(will.qos())).retain(will.retain()).payload(will.payload()), will.properties())
                    .delayInterval(will.delaySeconds() == null ? 0 : will.delaySeconds())
                    .build();
            builder = builder.willPublish(willPublish);
        }
        return builder.build();
    }

    private Mqtt5SimpleAuth simpleAuth() {
        boolean hasUser = settings.username() != null && !settings.username().isEmpty();
        if (!hasUser && !settings.hasPassword()) {
            return null;
        }
        Mqtt5SimpleAuthBuilder start = Mqtt5SimpleAuth.builder();
        Mqtt5SimpleAuthBuilder.Complete complete = hasUser ? start.username(settings.username()) : null;
        if (settings.hasPassword()) {
            byte[] bytes = settings.passwordBytes();
            complete = complete == null ? start.password(bytes) : complete.password(bytes);
        }
        return complete.build();
    }

    private static BrokerCapabilities capabilities(Mqtt5ConnAck ack) {
        Mqtt5ConnAckRestrictions r = ack.getRestrictions();
        int packetSize = r.getMaximumPacketSize();
        return new BrokerCapabilities(
                ack.isSessionPresent(),
                r.getMaximumQos().getCode(),
                r.isRetainAvailable(),
                r.getTopicAliasMaximum(),
                packetSize == Mqtt5ConnAckRestrictions.DEFAULT_MAXIMUM_PACKET_SIZE_NO_LIMIT ? null : (long) packetSize,
                r.getReceiveMaximum(),
                r.isWildcardSubscriptionAvailable(),
                r.areSubscriptionIdentifiersAvailable(),
                r.isSharedSubscriptionAvailable(),
                ack.getAssignedClientIdentifier().map(Object::toString).orElse(null),
                ack.getServerKeepAlive().isPresent() ? ack.getServerKeepAlive().getAsInt() : null);
    }

    @Override
    public CompletableFuture<List<SubscribeOutcome>> subscribe(List<SubscriptionRequest> requests) {
        if (requests.size() == 1) {
            return subscribeTogether(requests);
        }
        // One SUBSCRIBE each: the library numbers packets, and a number per filter tells overlapping ones apart.
        List<CompletableFuture<List<SubscribeOutcome>>> parts = requests.stream().map(r -> subscribeTogether(List.of(r))).toList();
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> parts.stream().flatMap(p -> p.join().stream()).toList());
    }

    private CompletableFuture<List<SubscribeOutcome>> subscribeTogether(List<SubscriptionRequest> requests) {
        Mqtt5Subscribe subscribe;
        try {
            List<Mqtt5Subscription> subscriptions = new ArrayList<>(requests.size());
            for (SubscriptionRequest r : requests) {
                subscriptions.add(Mqtt5Subscription.builder()
                        .topicFilter(r.filter())
                        .qos(qos(r.qos()))
                        .noLocal(r.noLocal())
                        .retainAsPublished(r.retainAsPublished())
                        .retainHandling(Mqtt5RetainHandling.fromCode(r.retainHandling()))
                        .build());
            }
            subscribe = Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.subscribe(subscribe).handle((subAck, error) -> {
            List<Mqtt5SubAckReasonCode> codes;
            if (error == null) {
                codes = subAck.getReasonCodes();
            } else if (unwrap(error) instanceof Mqtt5SubAckException refused) {
                codes = refused.getMqttMessage().getReasonCodes();
            } else {
                throw new java.util.concurrent.CompletionException(HiveMqErrors.describe(error, settings.url()));
            }
            return SubscribeOutcome.of(requests.stream().map(SubscriptionRequest::filter).toList(),
                    codes.stream().mapToInt(Mqtt5SubAckReasonCode::getCode).toArray());
        });
    }

    @Override
    public CompletableFuture<List<Integer>> unsubscribe(List<String> filters) {
        Mqtt5Unsubscribe unsubscribe;
        try {
            Mqtt5UnsubscribeBuilder.Complete builder = Mqtt5Unsubscribe.builder().topicFilter(filters.get(0));
            for (int i = 1; i < filters.size(); i++) {
                builder = builder.addTopicFilter(filters.get(i));
            }
            unsubscribe = builder.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.unsubscribe(unsubscribe).handle((unsubAck, error) -> {
            List<Mqtt5UnsubAckReasonCode> codes;
            if (error == null) {
                codes = unsubAck.getReasonCodes();
            } else if (unwrap(error) instanceof Mqtt5UnsubAckException refused) {
                codes = refused.getMqttMessage().getReasonCodes();
            } else {
                throw new java.util.concurrent.CompletionException(HiveMqErrors.describe(error, settings.url()));
            }
            List<Integer> list = new ArrayList<>(filters.size());
            for (int i = 0; i < filters.size(); i++) {
                list.add(i < codes.size() ? codes.get(i).getCode() : 0);
            }
            return list;
        });
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        if (request.properties().topicAlias() != null) {
            return CompletableFuture.failedFuture(new ConnectionException("Not sent: the HiveMQ engine chooses topic aliases itself."
                    + " To send alias " + request.properties().topicAlias() + " by hand, pick Eclipse Paho as the profile's client library"));
        }
        Mqtt5Publish publish;
        try {
            publish = HiveMq5Properties.apply(Mqtt5Publish.builder().topic(request.topic()).qos(qos(request.qos()))
                    .retain(request.retain()).payload(request.payload()), request.properties()).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.publish(publish).handle((result, error) -> {
            if (error == null) {
                return new PublishOutcome(request.qos(), reasonCode(result));
            }
            Throwable cause = unwrap(error);
            if (cause instanceof Mqtt5PubAckException refused) {
                return new PublishOutcome(request.qos(), refused.getMqttMessage().getReasonCode().getCode());
            }
            if (cause instanceof Mqtt5PubRecException refused) {
                return new PublishOutcome(request.qos(), refused.getMqttMessage().getReasonCode().getCode());
            }
            throw new java.util.concurrent.CompletionException(HiveMqErrors.describe(error, settings.url()));
        });
    }

    private static int reasonCode(Mqtt5PublishResult result) {
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
            return qos1.getPubAck().getReasonCode().getCode();
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos2Result qos2) {
            return qos2.getPubRec().getReasonCode().getCode();
        }
        return 0;
    }

    @Override
    public int maxInFlight(BrokerCapabilities capabilities) {
        return Math.max(1, capabilities.receiveMaximum()); // the library holds back what exceeds it, too
    }

    @Override
    public CompletableFuture<Void> disconnect(Duration timeout) {
        return lifecycle.disconnect(timeout);
    }

    @Override
    public void close() {
        lifecycle.close();
    }

    @Override
    public void abort() {
        lifecycle.closing();
        if (lifecycle.isConnected()) {
            // Asks the broker to send the last will, as a dropped connection would.
            client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
        }
        // Still connecting: connect() disconnects as soon as a CONNACK arrives, and a silent broker runs into the connect timeout.
    }

    private void arrived(Mqtt5Publish publish) {
        // The library's Netty thread, right after decoding: stamp, wrap, hand over, return. Never throw.
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        try {
            MessageProperties properties = HiveMq5Properties.from(publish, subscriptionIds.take(publish), sharedIds);
            events.messageArrived(new ReceivedMessage(topics.intern(publish.getTopic().toString()), HiveMqPayloads.of(publish),
                    publish.getQos().getCode(), publish.isRetain(), false, nanos, millis, properties));
        } catch (RuntimeException e) {
            LOG.warn("could not hand over a message on {}: {}", publish.getTopic(), e.toString());
        }
    }

    private HiveMqLifecycle lifecycle() {
        return lifecycle;
    }

    static MqttQos qos(int code) {
        MqttQos qos = MqttQos.fromCode(code);
        if (qos == null) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, not " + code);
        }
        return qos;
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
