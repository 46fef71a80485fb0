package io.mqttworkbench.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.ui.common.UserPropertyRow;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The composer's draft per connection survives a restart (issue 18, item 3): the workspace is closed and opened again on the same folder. */
class ComposerDraftTest extends LiveWorkspaceTest {
    // never connected: the draft needs no broker
    private final Profile first = Profile.forUrl(BrokerUrl.parse("tcp://127.0.0.1:1"));
    private final Profile second = Profile.forUrl(BrokerUrl.parse("tcp://127.0.0.1:2"));

    @Test
    void eachConnectionGetsItsWholeDraftBackAfterARestart() throws Exception {
        open(List.of(first, second));
        PublishViewModel a = live.connection(0).publishing();
        a.topicProperty().set("orders/{{counter}}");
        a.encodingProperty().set(PayloadEncoding.JSON);
        a.payloadProperty().set("{\"n\": {{counter}}}");
        a.qosProperty().set(2);
        a.retainProperty().set(true);
        a.placeholdersProperty().set(false);
        a.contentTypeProperty().set("application/json");
        a.payloadFormatUtf8Property().set(Boolean.TRUE);
        a.messageExpiryProperty().set("12x"); // half-typed: comes back as typed
        a.responseTopicProperty().set("orders/replies");
        a.correlationDataProperty().set("0a0b");
        a.correlationHexProperty().set(true);
        a.topicAliasProperty().set("7");
        a.userProperties().setAll(new UserPropertyRow("tenant", "acme"), new UserPropertyRow("trace", ""));
        a.repeat().countProperty().set(25);
        a.repeat().intervalMillisProperty().set(250);
        a.request().timeoutSecondsProperty().set("3.5");
        PublishViewModel b = live.connection(1).publishing();
        b.topicProperty().set("sensors/t1");
        b.payloadProperty().set("21.5");
        live.runFor(Duration.ofMillis(100));
        b.payloadProperty().set("22.0"); // the last edit, made just before quitting
        live.close();

        open(List.of(first, second));
        PublishViewModel a2 = live.connection(0).publishing();
        PublishViewModel b2 = live.connection(1).publishing();
        live.runUntil("drafts back", () -> !a2.topicProperty().get().isEmpty() && !b2.topicProperty().get().isEmpty());
        assertThat(a2.topicProperty().get()).isEqualTo("orders/{{counter}}");
        assertThat(a2.encodingProperty().get()).isEqualTo(PayloadEncoding.JSON);
        assertThat(a2.payloadProperty().get()).isEqualTo("{\"n\": {{counter}}}");
        assertThat(a2.qosProperty().get()).isEqualTo(2);
        assertThat(a2.retainProperty().get()).isTrue();
        assertThat(a2.placeholdersProperty().get()).isFalse();
        assertThat(a2.contentTypeProperty().get()).isEqualTo("application/json");
        assertThat(a2.payloadFormatUtf8Property().get()).isTrue();
        assertThat(a2.messageExpiryProperty().get()).isEqualTo("12x");
        assertThat(a2.responseTopicProperty().get()).isEqualTo("orders/replies");
        assertThat(a2.correlationDataProperty().get()).isEqualTo("0a0b");
        assertThat(a2.correlationHexProperty().get()).isTrue();
        assertThat(a2.topicAliasProperty().get()).isEqualTo("7");
        assertThat(a2.userProperties()).extracting(UserPropertyRow::toProperty)
                .containsExactly(new UserProperty("tenant", "acme"), new UserProperty("trace", ""));
        assertThat(a2.repeat().countProperty().get()).isEqualTo(25);
        assertThat(a2.repeat().intervalMillisProperty().get()).isEqualTo(250);
        assertThat(a2.request().timeoutSecondsProperty().get()).isEqualTo("3.5");
        // the second connection kept its own draft, with the edit made just before closing
        assertThat(b2.topicProperty().get()).isEqualTo("sensors/t1");
        assertThat(b2.payloadProperty().get()).isEqualTo("22.0");
        assertThat(b2.qosProperty().get()).isZero();
        assertThat(b2.userProperties()).isEmpty();
    }

    @Test
    void writesOnceEditsPauseWithoutWaitingForTheClose() throws Exception {
        open(List.of(first));
        live.connection(0).publishing().topicProperty().set("paused/edit");
        Path file = configDir.resolve("drafts").resolve(first.id() + ".json");
        live.runUntil("draft written", () -> Files.exists(file));
        assertThat(Files.readString(file)).contains("paused/edit");
    }

    @Test
    void anUnreadableDraftIsKeptAsideAndTheComposerStartsEmpty() throws Exception {
        Path folder = Files.createDirectories(configDir.resolve("drafts"));
        Files.writeString(folder.resolve(first.id() + ".json"), "{\"version\":1,\"draft\":{\"topic\": [oops");
        open(List.of(first));
        PublishViewModel composer = live.connection(0).publishing();
        live.runUntil("told", () -> composer.resultProperty().get().contains("could not be read"));
        assertThat(composer.resultProperty().get()).contains("kept aside").endsWith("the composer starts empty.");
        assertThat(composer.topicProperty().get()).isEmpty();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("unreadable"));
        }
        composer.topicProperty().set("works/again");
        live.close();
        open(List.of(first));
        PublishViewModel again = live.connection(0).publishing();
        live.runUntil("draft back", () -> again.topicProperty().get().equals("works/again"));
    }
}
