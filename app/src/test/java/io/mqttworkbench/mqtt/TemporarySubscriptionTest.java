package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request's reply subscription against the embedded broker: held at the broker while it lasts, never
 * among the subscriptions restored after a reconnect, and released without taking a subscription the user
 * made to the same filter. A QoS 1 publish is answered "No matching subscribers" (0x10) exactly when the
 * broker holds no matching subscription.
 */
class TemporarySubscriptionTest {
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private static BrokerConnection connected() throws Exception {
        BrokerConnection connection = new BrokerConnection("t", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
        connection.connect().get(10, TimeUnit.SECONDS);
        return connection;
    }

    private static int publish(BrokerConnection from, String topic) throws Exception {
        return publish(from, topic, 1);
    }

    private static int publish(BrokerConnection from, String topic, int qos) throws Exception {
        return from.publish(new PublishRequest(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false, MessageProperties.NONE))
                .get(10, TimeUnit.SECONDS).reasonCode();
    }

    @Test
    void aTemporarySubscriptionIsHeldUntilReleasedAndNeverListed() throws Exception {
        String topic = "temp/" + System.nanoTime() + "/reply";
        try (BrokerConnection requester = connected(); BrokerConnection service = connected()) {
            assertThat(requester.subscribeTemporarily(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS).granted()).isTrue();
            assertThat(requester.subscriptions()).isEmpty(); // what a reconnect restores
            assertThat(publish(service, topic)).isZero();
            Messages.awaitOne(requester.inbound(), topic);
            assertThat(requester.releaseTemporary(topic).get(10, TimeUnit.SECONDS)).isZero();
            assertThat(publish(service, topic)).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
    }

    @Test
    void releasingKeepsTheUsersOwnSubscriptionToTheSameFilter() throws Exception {
        String topic = "temp/" + System.nanoTime() + "/shared";
        try (BrokerConnection requester = connected(); BrokerConnection service = connected()) {
            requester.subscribe(SubscriptionRequest.of(topic, 2)).get(10, TimeUnit.SECONDS);
            SubscribeOutcome temporary = requester.subscribeTemporarily(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
            assertThat(temporary.granted()).isTrue();
            requester.releaseTemporary(topic).get(10, TimeUnit.SECONDS);
            assertThat(requester.subscriptions()).extracting(SubscriptionRequest::filter, SubscriptionRequest::qos).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(topic, 2));
            assertThat(publish(service, topic, 2)).isZero();
            // delivered at QoS 2: the temporary QoS 1 request did not replace the user's QoS 2 subscription
            assertThat(Messages.awaitOne(requester.inbound(), topic).qos()).isEqualTo(2);
        }
    }

    /** Released while the connection is down: a persistent session that comes back still holds it, so it goes then. */
    @Test
    void releasedWhileOfflineItGoesWhenAPersistentSessionComesBack() throws Exception {
        String topic = "temp/" + System.nanoTime() + "/offline";
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort());
             BrokerConnection requester = new BrokerConnection("t", ConnectionSettings.builder(BrokerUrl.parse("mqtt://127.0.0.1:" + proxy.port()))
                     .cleanStart(false).sessionExpiry(Duration.ofMinutes(5))
                     .reconnect(new ReconnectPolicy(true, Duration.ofMillis(100), Duration.ofMillis(400))).build());
             BrokerConnection service = connected()) {
            requester.connect().get(10, TimeUnit.SECONDS);
            requester.subscribeTemporarily(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
            proxy.refuseNew(true);
            proxy.cutAll();
            Conditions.awaitTrue("down", Duration.ofSeconds(10), () -> requester.status().state() != ConnectionState.CONNECTED);
            assertThat(requester.releaseTemporary(topic).get(10, TimeUnit.SECONDS)).isZero();
            assertThat(publish(service, topic)).as("the broker keeps the session's subscription meanwhile").isZero();
            proxy.refuseNew(false);
            Conditions.awaitTrue("UNSUBACK after the session resumed", Duration.ofSeconds(15),
                    () -> requester.events().stream().anyMatch(e -> e.text().startsWith("UNSUBACK " + topic)), () -> requester.events().toString());
            assertThat(requester.events()).anyMatch(e -> e.text().startsWith("Session resumed") || e.text().contains("session present yes"));
            assertThat(publish(service, topic)).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
    }
}
