package io.mqttworkbench.mqtt;

import static io.mqttworkbench.mqtt.HiveMq5ProtocolClient.qos;
import static io.mqttworkbench.mqtt.HiveMq5ProtocolClient.unwrap;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.unsubscribe.Mqtt3Unsubscribe;
import com.hivemq.client.mqtt.mqtt3.message.unsubscribe.Mqtt3UnsubscribeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 3.1.1 through the HiveMQ MQTT Client (the default engine). */
final class HiveMq3ProtocolClient implements ProtocolClient {

    private static final Logger LOG = LoggerFactory.getLogger(HiveMq3ProtocolClient.class);
    /** MQTT 3.1.1 has no receive maximum; the library queues what exceeds its own window. */
    private static final int MAX_IN_FLIGHT = 1000;

    private final ConnectionSettings settings;
    private final Mqtt3AsyncClient client;
    private final Events events;
    private final TopicInterner topics;
    private final HiveMqLifecycle lifecycle;

    HiveMq3ProtocolClient(ConnectionSettings settings, String clientId, Events events) throws ConnectionException {
        this.settings = settings;
        this.events = events;
        this.topics = new TopicInterner(200_000, events::protocolViolation);
        this.client = HiveMqClients.builder(settings, clientId, context -> lifecycle().disconnected(context)).useMqttVersion3().buildAsync();
        this.lifecycle = new HiveMqLifecycle(settings.url(), events, client::getState, client::disconnect);
        client.publishes(MqttGlobalPublishFilter.ALL, this::arrived);
    }

    @Override
    public CompletableFuture<BrokerCapabilities> connect() {
        Mqtt3Connect connect;
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
            return lifecycle.connected(BrokerCapabilities.v3Defaults(ack.isSessionPresent()));
        });
    }

    private Mqtt3Connect connectPacket() throws ConnectionException {
        Mqtt3ConnectBuilder builder = Mqtt3Connect.builder()
                .cleanSession(settings.cleanStart())
                .keepAlive((int) settings.keepAlive().toSeconds());
        boolean hasUser = settings.username() != null && !settings.username().isEmpty();
        if (settings.hasPassword() && !hasUser) {
            throw new ConnectionException("MQTT 3.1.1 sends a password only with a user name: set one, or use MQTT 5");
        }
        if (hasUser) {
            Mqtt3SimpleAuth auth;
            if (settings.hasPassword()) {
                auth = Mqtt3SimpleAuth.builder().username(settings.username()).password(settings.passwordBytes()).build();
            } else {
                auth = Mqtt3SimpleAuth.builder().username(settings.username()).build();
            }
            builder = builder.simpleAuth(auth);
        }
        LastWill will = settings.lastWill();
        if (will != null) {
            builder = builder.willPublish(Mqtt3Publish.builder().topic(will.topic()).qos(qos(will.qos()))
                    .retain(will.retain()).payload(will.payload()).build());
        }
        return builder.build();
    }

    @Override
    public CompletableFuture<List<SubscribeOutcome>> subscribe(List<SubscriptionRequest> requests) {
        Mqtt3Subscribe subscribe;
        try {
            List<Mqtt3Subscription> subscriptions = new ArrayList<>(requests.size());
            for (SubscriptionRequest r : requests) {
                subscriptions.add(Mqtt3Subscription.builder().topicFilter(r.filter()).qos(qos(r.qos())).build());
            }
            subscribe = Mqtt3Subscribe.builder().addSubscriptions(subscriptions).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.subscribe(subscribe).handle((subAck, error) -> {
            List<Mqtt3SubAckReturnCode> codes;
            if (error == null) {
                codes = subAck.getReturnCodes();
            } else if (unwrap(error) instanceof Mqtt3SubAckException refused) {
                codes = refused.getMqttMessage().getReturnCodes();
            } else {
                throw new CompletionException(HiveMqErrors.describe(error, settings.url()));
            }
            return SubscribeOutcome.of(requests.stream().map(SubscriptionRequest::filter).toList(),
                    codes.stream().mapToInt(Mqtt3SubAckReturnCode::getCode).toArray());
        });
    }

    @Override
    public CompletableFuture<List<Integer>> unsubscribe(List<String> filters) {
        Mqtt3Unsubscribe unsubscribe;
        try {
            Mqtt3UnsubscribeBuilder.Complete builder = Mqtt3Unsubscribe.builder().topicFilter(filters.get(0));
            for (int i = 1; i < filters.size(); i++) {
                builder = builder.addTopicFilter(filters.get(i));
            }
            unsubscribe = builder.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.unsubscribe(unsubscribe).handle((ignored, error) -> {
            if (error != null) {
                throw new CompletionException(HiveMqErrors.describe(error, settings.url()));
            }
            return Collections.nCopies(filters.size(), 0); // MQTT 3.1.1's UNSUBACK carries no codes
        });
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(PublishRequest request) {
        Mqtt3Publish publish;
        try {
            publish = Mqtt3Publish.builder().topic(request.topic()).qos(qos(request.qos())).retain(request.retain())
                    .payload(request.payload()).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HiveMqErrors.describe(e, settings.url()));
        }
        return client.publish(publish).handle((ignored, error) -> {
            if (error != null) {
                throw new CompletionException(HiveMqErrors.describe(error, settings.url()));
            }
            return new PublishOutcome(request.qos(), 0);
        });
    }

    @Override
    public int maxInFlight(BrokerCapabilities capabilities) {
        return MAX_IN_FLIGHT;
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
        // MQTT 3.1.1 cannot ask for the last will on DISCONNECT; the library offers no way to drop the socket,
        // so an established connection is closed cleanly. A connect still under way is dropped when its CONNACK comes.
        close();
    }

    private void arrived(Mqtt3Publish publish) {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        try {
            events.messageArrived(new ReceivedMessage(topics.intern(publish.getTopic().toString()), HiveMqPayloads.of(publish),
                    publish.getQos().getCode(), publish.isRetain(), false, nanos, millis, MessageProperties.NONE));
        } catch (RuntimeException e) {
            LOG.warn("could not hand over a message on {}: {}", publish.getTopic(), e.toString());
        }
    }

    private HiveMqLifecycle lifecycle() {
        return lifecycle;
    }
}
