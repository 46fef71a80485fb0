package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.ui.publish.PublishViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer against what a CONNACK allowed: QoS clamped, retain and aliases off, payloads over the packet size refused. */
class BrokerLimitsTest {

    private static BrokerCapabilities strict() {
        return new BrokerCapabilities(false, 1, false, 0, 64L, 100, true, true, true, null, null);
    }

    @Test
    void aStrictBrokerClampsTheFormAndRefusesWhatItWouldRefuse(@TempDir Path dir) throws Exception {
        PublishViewModel composer = new PublishViewModel(() -> null, Runnable::run, Texts.english());
        composer.topicProperty().set("t/1");
        composer.qosProperty().set(2);
        composer.retainProperty().set(true);
        composer.capabilitiesChanged(Optional.of(strict()), MqttEngine.PAHO);
        assertThat(composer.qosProperty().get()).isEqualTo(1);
        assertThat(composer.retainProperty().get()).isFalse();
        assertThat(composer.limitsProperty().get())
                .isEqualTo("The broker accepts QoS up to 1 · packets up to 64 B · the broker keeps no retained messages · the broker takes no topic aliases");

        composer.payloadProperty().set("x".repeat(65));
        assertThat(composer.problemProperty().get()).isEqualTo("The payload (65 bytes) is larger than the broker's maximum packet size (64 bytes)");
        composer.payloadProperty().set("x".repeat(64));
        assertThat(composer.problemProperty().get()).isEmpty();
        composer.topicAliasProperty().set("3");
        assertThat(composer.problemProperty().get()).startsWith("Topic alias: the broker takes none");
        composer.topicAliasProperty().set("");

        // a file is measured where it lies
        Path big = Files.write(dir.resolve("big.bin"), new byte[100]);
        composer.encodingProperty().set(PayloadEncoding.FILE);
        composer.payloadProperty().set(big.toString());
        assertThat(composer.problemProperty().get()).contains("(100 bytes)");
        assertThat(composer.previewProperty().get()).isEqualTo("100 B from big.bin");

        composer.capabilitiesChanged(Optional.empty(), MqttEngine.PAHO);
        assertThat(composer.problemProperty().get()).isEmpty();
        assertThat(composer.limitsProperty().get()).isEmpty();
        assertThat(composer.retainAvailableProperty().get()).isTrue();
    }

    @Test
    void theHiveMqEngineSaysThatItChoosesTopicAliasesItself() {
        BrokerCapabilities aliases = new BrokerCapabilities(false, 2, true, 10, null, 100, true, true, true, null, null);
        PublishViewModel composer = new PublishViewModel(() -> null, Runnable::run, Texts.english());
        composer.topicProperty().set("t/1");
        composer.capabilitiesChanged(Optional.of(aliases), MqttEngine.HIVEMQ);
        assertThat(composer.aliasAvailableProperty().get()).isFalse();
        assertThat(composer.limitsProperty().get()).isEqualTo("topic aliases are chosen by HiveMQ MQTT Client");
        composer.topicAliasProperty().set("3");
        assertThat(composer.problemProperty().get())
                .isEqualTo("Topic alias: HiveMQ MQTT Client picks aliases itself; choose Eclipse Paho as the profile's client library to send your own");

        composer.capabilitiesChanged(Optional.of(aliases), MqttEngine.PAHO);
        assertThat(composer.aliasAvailableProperty().get()).isTrue();
        assertThat(composer.limitsProperty().get()).isEqualTo("topic aliases 1 to 10");
        assertThat(composer.problemProperty().get()).isEmpty();
    }
}
