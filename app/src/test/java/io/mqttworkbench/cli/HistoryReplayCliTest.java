package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's stored history exported as a recording and replayed, or replayed straight from a range, into a real broker. */
class HistoryReplayCliTest {
    private static final String URL = TestBroker.tcpUrl().toString();

    private final String base = "clihist" + System.nanoTime();
    private final long t0 = (System.currentTimeMillis() / 1000 - 3600) * 1000;
    private final List<ReceivedMessage> stored = new ArrayList<>();

    /**
     * Eight messages 100.25 ms apart under {@code base}: binary payloads on CJK topics, UTF-8 ones on plant
     * topics, user properties on one; the connection dropped between the fourth and the fifth.
     */
    private String config(Path dir) throws Exception {
        Profile plant = Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name("Plant").build();
        Profile unused = Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name("Unused").build();
        new ProfileStore(dir, () -> new SecretStore.ProfilesFile("test")).save(List.of(plant, unused));
        MessageProperties props = new MessageProperties(null, null, null, null, null, List.of(new UserProperty("站点", "北京")), List.of(), null);
        for (int i = 0; i < 8; i++) {
            long micros = i * 100_250L;
            byte[] payload = i % 2 == 0 ? new byte[] {(byte) 0xC3, 0x28, 0, (byte) i, (byte) 0xFE, (byte) 0xFF}
                    : ("{\"温度\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            stored.add(new ReceivedMessage(base + (i % 2 == 0 ? "/工厂/线" + i : "/plant/" + i), payload, 1, false, false,
                    (t0 * 1000 + micros) * 1000, t0 + micros / 1000, i == 3 ? props : MessageProperties.NONE));
        }
        try (MessageHistory history = MessageHistory.open(MessageHistory.fileFor(dir.resolve("messages"), plant.id())).history()) {
            history.write(stored.subList(0, 4), List.of());
            history.write(stored.subList(4, 8), List.of(new ConnectionMarker(ConnectionMarker.Kind.DISCONNECT, t0 + 350, 0, "connection lost", false),
                    new ConnectionMarker(ConnectionMarker.Kind.RECONNECT, t0 + 390, 0, ConnectionMarker.SESSION_RESUMED, true)));
        }
        return dir.toString();
    }

    private static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    @Test
    void anExportedRangeReplaysByteForByteWithItsDrops(@TempDir Path dir) throws Exception {
        String config = config(dir);
        Path file = dir.resolve("range.jsonl");
        Cli.Run exported = Cli.run("history", "--config-dir", config, "--profile", "Plant", "--since", at(t0), "--until", at(t0 + 10_000),
                "-o", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.err()).startsWith("history: 8 messages").contains("and 2 connection markers to " + file);
        assertThat(exported.out()).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).contains("\"format\":\"mqtt-workbench-recording\"").contains("\"source\":\"" + URL + "\"");
        assertThat(lines.get(5)).startsWith("{\"event\":\"disconnect\"");
        assertThat(lines.get(6)).startsWith("{\"event\":\"reconnect\"").endsWith("\"sessionPresent\":true}");
        assertThat(RecordingReader.read(file).entries()).extracting(RecordingReader.Entry::offsetMicros)
                .containsExactly(0L, 100_250L, 200_500L, 300_750L, 401_000L, 501_250L, 601_500L, 701_750L);

        try (BrokerConnection watcher = new BrokerConnection("w", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            watcher.connect().get(10, TimeUnit.SECONDS);
            watcher.subscribe(SubscriptionRequest.of("test/" + base + "/#", 1)).get(10, TimeUnit.SECONDS);
            Cli.Run replay = Cli.run("replay", "-u", URL, file.toString(), "--speed", "10", "--map", base + "/=test/" + base + "/");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).contains("replay: sent 8 messages").contains("0 refused");
            List<ReceivedMessage> got = Messages.await(watcher.inbound(), 8, m -> m.topic().startsWith("test/" + base + "/"), Duration.ofSeconds(20));
            for (int i = 0; i < 8; i++) {
                assertThat(got.get(i).topic()).isEqualTo("test/" + stored.get(i).topic());
                assertThat(got.get(i).payload()).isEqualTo(stored.get(i).payload());
            }
            assertThat(got.get(3).properties().userProperties()).containsExactly(new UserProperty("站点", "北京"));
        }

        // what cannot be exported is said in a sentence, and nothing is written
        Path none = dir.resolve("none.jsonl");
        Cli.Run empty = Cli.run("history", "--config-dir", config, "--profile", "Plant", "--since", at(t0 - 60_000), "--until", at(t0 - 1000),
                "-o", none.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no stored messages between ").contains(" in the history of 'Plant'").contains("was not written");
        assertThat(none).doesNotExist();
        Cli.Run noFile = Cli.run("history", "--config-dir", config, "--profile", "Unused", "-o", none.toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("no messages kept for 'Unused' yet");
        assertThat(Cli.run("history", "--config-dir", config, "--profile", "Nobody", "-o", none.toString()).err())
                .contains("no profile called 'Nobody'");
        assertThat(Cli.run("history", "--config-dir", config, "--profile", "Plant", "-o", file.toString()).err()).contains("exists");
        assertThat(Cli.run("history", "--config-dir", config, "--profile", "Plant", "-o", none.toString(), "-n", "5").err())
                .contains("-n and --json are for printing");
    }

    @Test
    void replayPlaysARangeOfTheHistoryStraightAwayAtItsPace(@TempDir Path dir) throws Exception {
        String config = config(dir);
        try (BrokerConnection watcher = new BrokerConnection("w", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            watcher.connect().get(10, TimeUnit.SECONDS);
            watcher.subscribe(SubscriptionRequest.of("test/" + base + "/#", 1)).get(10, TimeUnit.SECONDS);
            // the CJK topics from the second message on: 200.5, 401 and 601.5 ms after it, at the original pace
            Cli.Run replay = Cli.run("replay", "-u", URL, "--config-dir", config, "--history", "Plant", "--since", at(t0 + 100),
                    "-t", base + "/工厂/#", "--map", base + "/=test/" + base + "/");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).contains("replay: 3 messages from the history of 'Plant'").contains("replay: sent 3 messages");
            List<ReceivedMessage> got = Messages.await(watcher.inbound(), 3, m -> m.topic().startsWith("test/" + base + "/"), Duration.ofSeconds(20));
            assertThat(got).extracting(ReceivedMessage::topic)
                    .containsExactly("test/" + base + "/工厂/线2", "test/" + base + "/工厂/线4", "test/" + base + "/工厂/线6");
            assertThat(got).extracting(ReceivedMessage::payload).containsExactly(stored.get(2).payload(), stored.get(4).payload(), stored.get(6).payload());
            // paced as stored: the last left 401 ms after the first (the summary's duration includes connecting and the tail)
            assertThat((got.get(2).receivedNanos() - got.get(0).receivedNanos()) / 1e6).isBetween(380.0, 600.0);
        }
        Cli.Run empty = Cli.run("replay", "-u", URL, "--config-dir", config, "--history", "Plant", "--since", at(t0 + 60_000));
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no stored messages since ");
        assertThat(Cli.run("replay", "-u", URL, "--config-dir", config, "--history", "Unused").err()).contains("no messages kept for 'Unused' yet");
        assertThat(Cli.run("replay", "-u", URL, "--config-dir", config, "--history", "Nobody").err()).contains("no profile called 'Nobody'");
        assertThat(Cli.run("replay", "-u", URL, "--config-dir", config, "--history", "Plant", "x.jsonl").err()).contains("not both");
        assertThat(Cli.run("replay", "-u", URL).err()).contains("give the recording to replay, or --history PROFILE");
    }
}
