package io.mqttworkbench.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.UserPropertyRow;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.log.MessageLogViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The composer's view models against the embedded broker: properties, history, templates, repeat and request/reply. */
class PublishViewModelTest extends LiveWorkspaceTest {

    @Test
    void composesSendsRemembersAndSavesTemplates() throws Exception {
        String base = "composer-" + System.nanoTime();
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        open(List.of(profile));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        PublishViewModel composer = connection.publishing();
        assertThat(composer.limitsProperty().get()).contains("topic aliases");

        composer.topicProperty().set(base + "/orders/{{counter}}");
        composer.encodingProperty().set(PayloadEncoding.JSON);
        composer.payloadProperty().set("{\"n\": {{counter}}");
        assertThat(composer.problemProperty().get()).isEmpty(); // placeholders make JSON checks wait for the send
        composer.payloadProperty().set("{\"n\": {{counter}}}");
        composer.qosProperty().set(1);
        composer.contentTypeProperty().set("application/json");
        composer.userProperties().setAll(new UserPropertyRow("tenant", "acme"), new UserPropertyRow("trace", "t-{{counter}}"));
        assertThat(composer.previewProperty().get()).startsWith("Next: {\"n\": 1}");
        assertThat(composer.publish()).isTrue();
        live.runUntil("sent", () -> composer.resultProperty().get().startsWith("PUBACK"));
        assertThat(composer.publish()).isTrue();
        MessageLogViewModel log = connection.log();
        live.runUntil("two received", () -> log.rows().size() == 2);
        ReceivedMessage second = log.rows().get(1);
        assertThat(second.topic()).isEqualTo(base + "/orders/2");
        assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\": 2}");
        assertThat(second.properties().contentType()).isEqualTo("application/json");
        assertThat(second.properties().userProperties()).containsExactly(new UserProperty("tenant", "acme"), new UserProperty("trace", "t-2"));

        ComposerLibraryViewModel library = connection.composerLibrary();
        live.runUntil("history", () -> library.history().size() == 2);
        assertThat(library.history().get(0).outcome()).startsWith("PUBACK");
        live.runUntil("history saved", () -> Files.exists(configDir.resolve("history").resolve(profile.id() + ".json")));

        composer.topicProperty().set("");
        assertThat(composer.publish()).isFalse();
        assertThat(composer.resultProperty().get()).isEqualTo("Topic: a topic is needed");
        assertThat(library.resend(library.history().get(0))).isTrue();
        live.runUntil("resent", () -> log.rows().size() == 3);
        assertThat(log.rows().get(2).topic()).isEqualTo(base + "/orders/3");

        live.dialogs.texts.push(Optional.of("Order events"));
        live.dialogs.texts.push(Optional.of("Order created"));
        library.saveCurrentAsTemplate();
        live.runUntil("template saved", () -> library.templates().size() == 1);
        assertThat(library.templates().get(0).collection()).isEqualTo("Order events");
        composer.payloadProperty().set("changed");
        library.load(library.templates().get(0));
        assertThat(composer.payloadProperty().get()).isEqualTo("{\"n\": {{counter}}}");
        assertThat(composer.userProperties()).hasSize(2);
        assertThat(Files.exists(configDir.resolve("templates.json"))).isTrue();
        // a template counts its own sends: its first send is number 1, whatever the composer sent before
        assertThat(composer.previewProperty().get()).startsWith("Next: {\"n\": 1}");
        assertThat(composer.publish()).isTrue();
        live.runUntil("template sent", () -> log.rows().size() == 4);
        assertThat(log.rows().get(3).topic()).isEqualTo(base + "/orders/1");
        assertThat(composer.previewProperty().get()).startsWith("Next: {\"n\": 2}");
    }

    @Test
    void repeatsAndWaitsForReplies() throws Exception {
        String base = "composer-rr-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/ticks", 1);
        PublishViewModel composer = connection.publishing();
        composer.topicProperty().set(base + "/ticks");
        composer.payloadProperty().set("{{counter}}");
        composer.qosProperty().set(1);
        composer.repeat().countProperty().set(20);
        composer.repeat().intervalMillisProperty().set(2);
        assertThat(composer.repeat().start()).isTrue();
        live.runUntil("repeat done", () -> composer.resultProperty().get().startsWith("Done"));
        assertThat(composer.resultProperty().get()).isEqualTo("Done: 20 sent, 20 acknowledged, 0 failed");
        live.runUntil("20 received", () -> connection.log().rows().size() == 20);

        try (BrokerConnection service = new BrokerConnection("svc", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            service.connect().get(10, TimeUnit.SECONDS);
            service.subscribe(SubscriptionRequest.of(base + "/price", 1)).get(10, TimeUnit.SECONDS);
            Thread responder = Thread.ofVirtual().start(() -> {
                try {
                    ReceivedMessage request = Messages.awaitOne(service.inbound(), base + "/price");
                    service.publish(new PublishRequest(request.properties().responseTopic(), "42.50".getBytes(), 1, false,
                            new MessageProperties(null, null, null, null, request.properties().correlationData(), List.of(), List.of(), null)));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            composer.topicProperty().set(base + "/price");
            composer.payloadProperty().set("{\"sku\":\"X-1\"}");
            assertThat(composer.request().send()).isTrue();
            live.runUntil("reply", () -> composer.request().replyProperty().get().startsWith("Reply in"));
            assertThat(composer.request().replyProperty().get()).contains("on " + base + "/price/reply/");
            assertThat(composer.request().replyPayloadProperty().get().text()).isEqualTo("42.50");
            responder.join(5000);
        }
        composer.topicProperty().set(base + "/nobody");
        composer.request().timeoutSecondsProperty().set("0.3");
        assertThat(composer.request().send()).isTrue();
        live.runUntil("timeout", () -> composer.request().replyProperty().get().startsWith("No reply on"));
    }
}
