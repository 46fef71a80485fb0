package io.mqttworkbench.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Record and Replay tab's view model: record a connection's traffic, then replay it into a mapped namespace. */
class ReplayViewModelTest extends LiveWorkspaceTest {

    @Test
    void recordsWhatArrivesAndReplaysItIntoAnotherNamespace(@TempDir Path dir) throws Exception {
        String base = "vmrec" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        ReplayViewModel replay = connection.replay();
        Path file = dir.resolve("session.jsonl");
        replay.recordGzipProperty().set(false);
        replay.recordFiltersProperty().set(base + "/keep/#");
        live.dialogs.files.push(Optional.of(file));
        replay.startRecording();
        live.runUntil("recording", () -> replay.recordingProperty().get());

        try (BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 6; i++) {
                String topic = base + (i % 3 == 2 ? "/other/" : "/keep/") + i;
                publisher.publish(new PublishRequest(topic, ("m" + i).getBytes(), 1, false)).get(10, TimeUnit.SECONDS);
            }
        }
        live.runUntil("4 recorded", () -> replay.recordStatusProperty().get().startsWith("Recording: 4 messages"));
        replay.stopRecording();
        assertThat(replay.recordStatusProperty().get()).startsWith("Recorded 4 messages");
        live.runUntil("file closed", () -> {
            try {
                return RecordingReader.read(file).entries().size() == 4;
            } catch (java.io.IOException e) {
                return false;
            }
        });

        replay.load(file);
        live.runUntil("loaded", () -> replay.recordingInfoProperty().get().contains("4 messages"));
        replay.mappingsProperty().set(base + "/keep/=" + base + "/replayed/");
        replay.asFastAsPossibleProperty().set(true);
        assertThat(replay.startReplay()).isTrue();
        live.runUntil("replayed", () -> replay.replayStatusProperty().get().startsWith("Done"));
        assertThat(replay.replayStatusProperty().get()).contains("4 sent, 0 refused");
        live.runUntil("seen in the log", () -> connection.log().rows().stream().filter(m -> m.topic().startsWith(base + "/replayed/")).count() == 4);

        replay.speedProperty().set(500);
        replay.asFastAsPossibleProperty().set(false);
        assertThat(replay.startReplay()).isFalse();
        assertThat(replay.replayStatusProperty().get()).contains("Speed is 0.1 to 100");
    }

    @Test
    void anImportWithoutTimingShowsProgressInMessagesAndAStopLeavesTheBarWhereItWas(@TempDir Path dir) throws Exception {
        String base = "vmimport" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        ReplayViewModel replay = connection.replay();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append(base).append("/t ").append(i).append('\n');
        }
        Path file = java.nio.file.Files.writeString(dir.resolve("sub.txt"), lines);
        replay.load(file);
        live.runUntil("scanned", () -> replay.recordingInfoProperty().get().contains("400 messages"));
        replay.asFastAsPossibleProperty().set(true);
        replay.maxRateProperty().set("100");
        assertThat(replay.startReplay()).isTrue();
        live.runUntil("under way", () -> replay.progressProperty().get() > 0.05);
        assertThat(replay.replayStatusProperty().get()).matches("\\d+ of 400 messages · loop 1 · .*left");
        replay.stopReplay();
        live.runUntil("stopped", () -> replay.replayStatusProperty().get().startsWith("Stopped"));
        assertThat(replay.progressProperty().get()).isBetween(0.05, 0.9);
    }
}
