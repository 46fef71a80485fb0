package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history}: a profile's stored messages, filtered, in sub's formats. No broker is reached. */
class HistoryCliTest {

    @Test
    void printsWhatTheProfileKeptFilteredByTopicTimeAndText(@TempDir Path config) throws Exception {
        Profile plant = Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:1883")).toBuilder().name("Plant").build();
        new ProfileStore(config, () -> new SecretStore.ProfilesFile("test")).save(List.of(plant));
        long now = System.currentTimeMillis();
        try (MessageHistory history = MessageHistory.open(MessageHistory.fileFor(config.resolve("messages"), plant.id())).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String topic = i % 2 == 0 ? "plant/line1/温度" : "plant/line2/speed";
                batch.add(new ReceivedMessage(topic, ("{\"v\":" + i + ",\"状态\":\"运行中\"}").getBytes(StandardCharsets.UTF_8), 1, false, false,
                        0, now - (10 - i) * 60_000L, MessageProperties.NONE));
            }
            history.write(batch, List.of());
        }
        String dir = config.toString();

        Cli.Run all = Cli.run("history", "--config-dir", dir, "--profile", "Plant");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines()).hasSize(10).first().isEqualTo("plant/line1/温度\t{\"v\":0,\"状态\":\"运行中\"}");
        assertThat(all.err()).contains("history: 10 messages");

        Cli.Run filtered = Cli.run("history", "--config-dir", dir, "--profile", "Plant", "-t", "plant/+/温度", "--since", "5m", "-n", "2");
        assertThat(filtered.out().lines()).containsExactly("plant/line1/温度\t{\"v\":6,\"状态\":\"运行中\"}",
                "plant/line1/温度\t{\"v\":8,\"状态\":\"运行中\"}");

        Cli.Run grep = Cli.run("history", "--config-dir", dir, "--profile", "Plant", "--regex", "\"v\":[37]\\b", "--json");
        assertThat(grep.out().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"time\":") && l.contains("plant/line2/speed"));

        assertThat(Cli.run("history", "--config-dir", dir, "--profile", "Nobody").err()).contains("no profile called 'Nobody'");
        assertThat(Cli.run("history", "--config-dir", dir, "--profile", "Plant", "--since", "yesterday").exitCode()).isEqualTo(2);
        assertThat(Cli.run("history", "--config-dir", dir, "--profile", "Plant", "-t", "a/#/b").err()).contains("#");
    }
}
