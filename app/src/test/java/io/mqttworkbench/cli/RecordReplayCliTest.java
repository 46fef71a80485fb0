package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.testsupport.Messages;
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
}
