package io.mqttworkbench.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Request/response in the composer against the embedded broker (issue 18, item 5): the reply is shown
 * whole, and the temporary subscription to the response topic goes after the reply or the timeout, is
 * never saved and never comes back on a reconnect. The requester subscribes to nothing else, so a QoS 1
 * publish to the response topic is answered "No matching subscribers" exactly when the broker holds no
 * such subscription.
 */
class RequestReplyTest extends LiveWorkspaceTest {
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    /** Answers one request on {@code topic} with {@code payload}, from its own connection. */
    private static Thread responder(BrokerConnection service, String topic, byte[] payload) throws Exception {
        service.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        return Thread.ofVirtual().start(() -> {
            try {
                ReceivedMessage request = Messages.awaitOne(service.inbound(), topic);
                service.publish(new PublishRequest(request.properties().responseTopic(), payload, 1, false,
                        new MessageProperties(null, null, null, null, request.properties().correlationData(), List.of(), List.of(), null)));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static PublishOutcome publishTo(BrokerConnection service, String topic) throws Exception {
        return service.publish(new PublishRequest(topic, "late".getBytes(StandardCharsets.UTF_8), 1, false, MessageProperties.NONE))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLongReplyIsShownWhole() throws Exception {
        String base = "rr-whole-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        PublishViewModel composer = connection.publishing();
        String data = "x".repeat(5_000) + "END";
        try (BrokerConnection service = new BrokerConnection("svc", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            service.connect().get(10, TimeUnit.SECONDS);
            Thread answering = responder(service, base + "/svc", ("{\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8));
            composer.topicProperty().set(base + "/svc");
            assertThat(composer.request().send()).isTrue();
            live.runUntil("reply", () -> composer.request().replyProperty().get().startsWith("Reply in"));
            answering.join(5000);
        }
        // decoded as the log decodes it: JSON, laid out, every character there
        assertThat(composer.request().replyProperty().get()).doesNotContain("…").contains("on " + base + "/svc/reply/").contains("JSON");
        io.mqttworkbench.decode.Decoded payload = composer.request().replyPayloadProperty().get();
        assertThat(payload.format()).isEqualTo(io.mqttworkbench.decode.PayloadFormat.JSON);
        assertThat(payload.truncated()).isFalse();
        assertThat(payload.text()).contains("\"data\": \"" + data + "\"");
    }

    @Test
    void theReplySubscriptionGoesAfterTheReplyIsNeverSavedAndNotRestoredOnReconnect() throws Exception {
        String base = "rr-sub-" + System.nanoTime();
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort());
             BrokerConnection service = new BrokerConnection("svc", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            open(List.of(Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:" + proxy.port()))));
            ConnectionViewModel connection = live.connect(0);
            PublishViewModel composer = connection.publishing();
            service.connect().get(10, TimeUnit.SECONDS);
            Thread answering = responder(service, base + "/svc", "42".getBytes(StandardCharsets.UTF_8));
            composer.topicProperty().set(base + "/svc");
            composer.responseTopicProperty().set(base + "/replies");
            assertThat(composer.request().send()).isTrue();
            live.runUntil("reply", () -> composer.request().replyProperty().get().startsWith("Reply in"));
            answering.join(5000);

            // the reply is shown once the UNSUBACK came
            assertThat(publishTo(service, base + "/replies").reasonCode()).isEqualTo(NO_MATCHING_SUBSCRIBERS);
            assertThat(connection.subscriptions().rows()).isEmpty();
            assertThat(connection.profile().subscriptions()).isEmpty();
            java.nio.file.Path saved = live.library.store().path();
            if (java.nio.file.Files.exists(saved)) {
                assertThat(java.nio.file.Files.readString(saved)).doesNotContain(base + "/replies");
            }

            // a second CONNACK in the events, not a state seen between frames: a quick reconnect can happen within one
            long connacks = connection.events().stream().filter(e -> e.text().startsWith("CONNACK")).count();
            proxy.cutAll();
            live.runUntil("reconnected", () -> connection.events().stream().filter(e -> e.text().startsWith("CONNACK")).count() > connacks);
            live.runUntil("back", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
            live.runFor(java.time.Duration.ofMillis(300));
            assertThat(connection.events()).noneMatch(e -> e.text().contains(base + "/replies") && e.text().startsWith("Restoring"));
            assertThat(publishTo(service, base + "/replies").reasonCode()).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
    }

    @Test
    void theReplySubscriptionGoesAfterATimeout() throws Exception {
        String base = "rr-timeout-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        PublishViewModel composer = connection.publishing();
        composer.topicProperty().set(base + "/nobody");
        composer.responseTopicProperty().set(base + "/replies");
        composer.request().timeoutSecondsProperty().set("0.3");
        assertThat(composer.request().send()).isTrue();
        live.runUntil("timeout", () -> composer.request().replyProperty().get().startsWith("No reply on"));
        try (BrokerConnection service = new BrokerConnection("svc", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            service.connect().get(10, TimeUnit.SECONDS);
            assertThat(publishTo(service, base + "/replies").reasonCode()).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
        assertThat(connection.subscriptions().rows()).isEmpty();
    }
}
