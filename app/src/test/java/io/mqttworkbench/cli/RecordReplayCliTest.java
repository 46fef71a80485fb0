package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.Messages;
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

/** record then replay from the command line, into a test namespace. */
class RecordReplayCliTest {
    private static final String URL = TestBroker.tcpUrl().toString();

    @Test
    void recordsThenReplaysIntoAnotherNamespace(@TempDir Path dir) throws Exception {
        String base = "clirec" + System.nanoTime();
        Path file = dir.resolve("capture.jsonl.gz");
        Cli.Running record = Cli.start("record", "-u", URL, "-t", base + "/#", "-o", file.toString(), "-n", "5", "--gzip");
        try (BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
             BrokerConnection watcher = new BrokerConnection("w", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int i = 0;
            while (!record.result().isDone() && System.nanoTime() < deadline) {
                publisher.publish(new PublishRequest(base + "/factory/a/" + (i % 3), ("m" + i++).getBytes(), 1, false)).get(10, TimeUnit.SECONDS);
                Thread.sleep(50);
            }
            Cli.Run recorded = record.result().get(30, TimeUnit.SECONDS);
            assertThat(recorded.exitCode()).as(recorded.err()).isZero();
            assertThat(recorded.err()).startsWith("record: 5 messages");
            assertThat(Files.size(file)).isPositive();

            watcher.connect().get(10, TimeUnit.SECONDS);
            watcher.subscribe(SubscriptionRequest.of("test/" + base + "/#", 1)).get(10, TimeUnit.SECONDS);
            Cli.Run replay = Cli.run("replay", "-u", URL, file.toString(), "--speed", "4", "--map", base + "/=test/" + base + "/");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).contains("replay: sent 5 messages").contains("0 refused").contains("timing error p50");
            List<ReceivedMessage> got = Messages.await(watcher.inbound(), 5, m -> m.topic().startsWith("test/" + base + "/factory/a/"),
                    Duration.ofSeconds(20));
            assertThat(got).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8)).hasSize(5).allMatch(p -> p.startsWith("m"));
        }
        assertThat(Cli.run("replay", "-u", URL, dir.resolve("missing.jsonl").toString()).err()).contains("no such file");
        assertThat(Cli.run("replay", "-u", URL, file.toString(), "--speed", "500").err()).contains("Speed is 0.1 to 100");
        assertThat(Cli.run("record", "-u", URL, "-t", "x/#", "-o", file.toString(), "-n", "1").err()).contains("exists");
    }

    /**
     * A recording made across a dropped connection says where the hole is: a disconnect and a reconnect
     * marker among the messages, in time order, also on stderr; replay sends the messages and skips the markers.
     */
    @Test
    void marksAConnectionDropInTheRecordingAndOnStderr(@TempDir Path dir) throws Exception {
        String base = "cligap" + System.nanoTime();
        Path file = dir.resolve("gap.jsonl");
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort());
             BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            Cli.Running record = Cli.start("record", "-u", "mqtt://127.0.0.1:" + proxy.port(), "-t", base + "/#", "-o", file.toString(),
                    "-n", "4", "-q", "1");
            Conditions.awaitTrue("the recorder subscribed", Duration.ofSeconds(10), () -> proxy.connections() > 0);
            Thread.sleep(500);
            publish(publisher, base + "/before/1");
            publish(publisher, base + "/before/2");
            Conditions.awaitTrue("both recorded", Duration.ofSeconds(10), () -> lines(file) >= 3);
            proxy.cutAll();
            Conditions.awaitTrue("the recorder is back", Duration.ofSeconds(10), () -> proxy.connections() > 1);
            Thread.sleep(500);
            publish(publisher, base + "/after/1");
            publish(publisher, base + "/after/2");
            Cli.Run recorded = record.result().get(30, TimeUnit.SECONDS);

            assertThat(recorded.exitCode()).as(recorded.err()).isZero();
            assertThat(recorded.err()).contains("record: connection lost at ").contains("the recording marks the gap")
                    .contains("record: reconnected at ").contains("2 connection markers");
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(7);
            assertThat(lines.subList(1, 7)).extracting(l -> l.startsWith("{\"event\":\"disconnect\"") ? "disconnect"
                    : l.startsWith("{\"event\":\"reconnect\"") ? "reconnect" : l.contains("/before/") ? "before" : "after")
                    .containsExactly("before", "before", "disconnect", "reconnect", "after", "after");
            RecordingReader.Overview overview = RecordingReader.scan(file);
            assertThat(overview.count()).isEqualTo(4);
            assertThat(overview.markers()).extracting(RecordingReader.Marker::kind)
                    .containsExactly(ConnectionMarker.Kind.DISCONNECT, ConnectionMarker.Kind.RECONNECT);
            assertThat(overview.markers().get(0).text()).isNotBlank();

            Cli.Run replay = Cli.run("replay", "-u", URL, file.toString(), "--speed", "100", "--map", base + "/=test/" + base + "/");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).contains("replay: sent 4 messages").doesNotContain("skipped");
        }
    }

    private static void publish(BrokerConnection publisher, String topic) throws Exception {
        publisher.publish(new PublishRequest(topic, "x".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
