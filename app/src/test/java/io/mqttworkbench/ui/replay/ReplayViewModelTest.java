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

    /** The tab's other source: a range of a profile's history, counted before it plays, then replayed as from a file. */
    @Test
    void replaysARangeOfAProfilesHistoryAfterSayingWhatItHolds() throws Exception {
        String base = "vmhist" + System.nanoTime();
        Profile plant = Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name("Plant").build();
        Profile idle = Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name("Idle").build();
        open(List.of(plant, idle));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        try (BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 7; i++) {
                String topic = base + (i % 3 == 2 ? "/other/" : "/keep/") + i;
                publisher.publish(new PublishRequest(topic, ("温度 " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false))
                        .get(10, TimeUnit.SECONDS);
            }
        }
        ReplayViewModel replay = connection.replay();
        HistorySourceViewModel history = replay.history();
        replay.sourceProperty().set(ReplayViewModel.Source.HISTORY);
        assertThat(history.profiles()).extracting(HistorySourceViewModel.Choice::profileName).containsExactly("Plant", "Idle");
        assertThat(history.profileProperty().get().profileName()).isEqualTo("Plant"); // this connection's own first
        assertThat(replay.startReplay()).isFalse();
        history.fromProperty().set("10m");
        history.topicsProperty().set(base + "/keep/#");
        // the history's writer commits a quarter second after the messages came: count until all five are stored
        live.runUntil("counted", () -> {
            if (history.infoProperty().get().equals("Counting…")) {
                return false;
            }
            if (history.infoProperty().get().startsWith("5 messages from ")) {
                return true;
            }
            history.recount();
            return false;
        });
        assertThat(history.infoProperty().get()).endsWith("in the history of Plant");

        replay.mappingsProperty().set(base + "/keep/=" + base + "/replayed/");
        replay.asFastAsPossibleProperty().set(true);
        assertThat(replay.startReplay()).isTrue();
        live.runUntil("replayed", () -> replay.replayStatusProperty().get().startsWith("Done"));
        assertThat(replay.replayStatusProperty().get()).contains("5 sent, 0 refused");
        live.runUntil("seen in the log", () -> connection.log().rows().stream().filter(m -> m.topic().startsWith(base + "/replayed/")).count() == 5);
        assertThat(connection.log().rows().stream().filter(m -> m.topic().startsWith(base + "/replayed/"))
                .map(m -> new String(m.payload(), java.nio.charset.StandardCharsets.UTF_8)).toList())
                .containsExactly("温度 0", "温度 1", "温度 3", "温度 4", "温度 6");

        // what cannot be played is said before anything starts
        history.fromProperty().set("2000-01-01 00:00");
        history.untilProperty().set("2000-01-01 00:01");
        live.runUntil("counted", () -> !history.infoProperty().get().equals("Counting…"));
        assertThat(history.infoProperty().get()).isEqualTo("No stored messages between 2000-01-01 00:00:00 and 2000-01-01 00:01:59 on "
                + base + "/keep/# in the history of Plant");
        assertThat(replay.startReplay()).isFalse();
        assertThat(replay.replayStatusProperty().get()).startsWith("Choose a range");
        history.fromProperty().set("yesterday");
        assertThat(history.infoProperty().get()).contains("write 14:05");
        history.fromProperty().set("");
        history.untilProperty().set("");
        history.profileProperty().set(history.profiles().get(1));
        live.runUntil("counted", () -> !history.infoProperty().get().equals("Counting…"));
        assertThat(history.infoProperty().get()).containsAnyOf("No stored messages on " + base + "/keep/# in the history of Idle",
                "Idle has kept no messages yet");
        // a file is still the other choice, with its own state
        replay.sourceProperty().set(ReplayViewModel.Source.FILE);
        assertThat(replay.startReplay()).isFalse();
        assertThat(replay.replayStatusProperty().get()).isEqualTo("Open a recording first");
    }
}
