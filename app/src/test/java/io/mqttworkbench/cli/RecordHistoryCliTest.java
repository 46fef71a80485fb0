package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.StoredEvents;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --history --profile NAME}: a headless capture into the history the window shows. */
class RecordHistoryCliTest {

    @TempDir
    Path config;

    @Test
    void keepsWhatItReceivesInTheProfilesHistoryBesideTheWindowWithTheConnectionDropMarked() throws Exception {
        String base = "clihist" + System.nanoTime();
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort());
             BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            Profile plant = Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:" + proxy.port())).toBuilder().name("Plant").build();
            new ProfileStore(config).save(List.of(plant));
            Path file = MessageHistory.fileFor(config.resolve("messages"), plant.id());
            publisher.connect().get(10, TimeUnit.SECONDS);

            Cli.Running record = Cli.start("record", "--history", "--profile", "Plant", "--config-dir", config.toString(), "-t", base + "/#",
                    "-n", "4", "-q", "1");
            Conditions.awaitTrue("the recorder subscribed", Duration.ofSeconds(10), () -> proxy.connections() > 0);
            Thread.sleep(500);
            publish(publisher, base + "/before/1");
            publish(publisher, base + "/before/2");
            Conditions.awaitTrue("both kept", Duration.ofSeconds(10), () -> stored(file) >= 2,
                    () -> record.result().isDone() ? record.result().join().err() : "still running");
            // the window, open on the same profile, writes its own messages at the same time
            try (MessageHistory window = MessageHistory.open(file).history()) {
                long now = System.currentTimeMillis();
                window.write(List.of(new ReceivedMessage(base + "/window", "w".getBytes(StandardCharsets.UTF_8), 0, false, false,
                        System.nanoTime(), now, MessageProperties.NONE)), List.of());
            }
            proxy.cutAll();
            Conditions.awaitTrue("the recorder is back", Duration.ofSeconds(10), () -> proxy.connections() > 1);
            Thread.sleep(500);
            publish(publisher, base + "/after/1");
            publish(publisher, base + "/after/2");
            Cli.Run recorded = record.result().get(30, TimeUnit.SECONDS);

            assertThat(recorded.exitCode()).as(recorded.err()).isZero();
            assertThat(recorded.err()).contains("record: connection lost at ").contains("the history marks the gap")
                    .contains("record: reconnected at ")
                    .contains("record: 4 messages (4 B of payload) in ").contains(" s to the history of 'Plant' (" + file + "); 2 connection markers");
            try (MessageHistory history = MessageHistory.open(file).history()) {
                assertThat(history.find(null, null, m -> true, 100)).extracting(ReceivedMessage::topic).containsExactly(base + "/before/1",
                        base + "/before/2", base + "/window", base + "/after/1", base + "/after/2");
                assertThat(history.lastValues()).hasSize(5);
            }
            assertThat(StoredEvents.read(file)).hasSize(2).satisfiesExactly(e -> assertThat(e).startsWith("disconnect: "),
                    e -> assertThat(e).startsWith("reconnect: "));
        }
    }

    @Test
    void refusesWhatDoesNotGoTogetherInOneLineBeforeConnecting() throws Exception {
        new ProfileStore(config).save(List.of(Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:9")).toBuilder().name("Plant").build()));
        String dir = config.toString();
        Path file = config.resolve("x.jsonl");
        assertRefused("give -o FILE or --history, not both",
                "record", "--history", "--profile", "Plant", "--config-dir", dir, "-t", "#", "-o", file.toString());
        assertRefused("--history keeps the messages in a saved profile's history: name it with --profile NAME",
                "record", "--history", "-u", "mqtt://127.0.0.1:9", "-t", "#");
        assertRefused("--gzip compresses a recording file: it does not go with --history",
                "record", "--history", "--profile", "Plant", "--config-dir", dir, "-t", "#", "--gzip");
        assertRefused("give -o FILE to write a recording, or --history --profile NAME to keep the messages in that profile's history",
                "record", "-u", "mqtt://127.0.0.1:9", "-t", "#");
        assertThat(Cli.run("record", "--history", "--profile", "Nobody", "--config-dir", dir, "-t", "#").err())
                .contains("no profile called 'Nobody'");
        assertThat(config.resolve("messages")).doesNotExist();
        assertThat(file).doesNotExist();
    }

    private static void assertRefused(String message, String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("mqtt-workbench record: " + message + System.lineSeparator());
    }

    private static void publish(BrokerConnection publisher, String topic) throws Exception {
        publisher.publish(new PublishRequest(topic, "x".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
    }

    private static long stored(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (MessageHistory history = MessageHistory.open(file).history()) {
            return history.count();
        } catch (Exception e) {
            return 0;
        }
    }
}
