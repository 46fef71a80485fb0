package io.mqttworkbench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history range written as a recording, and played straight from the history, with the same timing and bytes. */
class HistoryExportTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** Six messages 100.25 ms apart (binary, CJK topic, properties), a drop after the third: stored at T0 + 250 ms, back at T0 + 260 ms. */
    private MessageHistory history(List<ReceivedMessage> stored) throws Exception {
        MessageHistory history = MessageHistory.open(dir.resolve("h.sqlite")).history();
        MessageProperties props = new MessageProperties("application/octet-stream", null, 60L, "replies/x", new byte[] {0, (byte) 0xFF},
                List.of(new UserProperty("站点", "北京"), new UserProperty("站点", "上海")), List.of(), null);
        for (int i = 0; i < 6; i++) {
            long micros = i * 100_250L;
            byte[] payload = i % 2 == 0 ? new byte[] {(byte) 0xC3, 0x28, 0, (byte) i, (byte) 0xFF} : ("温度 " + i).getBytes(StandardCharsets.UTF_8);
            stored.add(new ReceivedMessage(i % 2 == 0 ? "工厂/线" + i + "/raw" : "plant/line/" + i, payload, i % 3, i == 1, false,
                    (T0 * 1000 + micros) * 1000, T0 + micros / 1000, i == 3 ? props : MessageProperties.NONE));
        }
        history.write(stored.subList(0, 3), List.of());
        history.write(stored.subList(3, 6), List.of(new ConnectionMarker(ConnectionMarker.Kind.DISCONNECT, T0 + 250, 0, "connection lost: reset", false),
                new ConnectionMarker(ConnectionMarker.Kind.RECONNECT, T0 + 260, 0, ConnectionMarker.NEW_SESSION, false)));
        return history;
    }

    @Test
    void aRangeBecomesARecordingWithItsBytesTimingAndDrops() throws Exception {
        List<ReceivedMessage> stored = new ArrayList<>();
        try (MessageHistory history = history(stored)) {
            Path file = dir.resolve("range.jsonl.gz");
            List<HistoryExport.Progress> progress = new ArrayList<>();
            HistoryExport.Result result = HistoryExport.write(history, HistoryRange.between(T0, T0 + 10_000), file, "mqtt://127.0.0.1:1883",
                    progress::add, () -> false);
            assertThat(result).isEqualTo(new HistoryExport.Result(6, 2, result.payloadBytes(), T0, T0 + 501));
            assertThat(progress).last().isEqualTo(new HistoryExport.Progress(6, T0 + 501));

            RecordingReader.Recording recording = RecordingReader.read(file);
            assertThat(recording.problems()).isEmpty();
            assertThat(recording.header().source()).isEqualTo("mqtt://127.0.0.1:1883");
            assertThat(recording.header().startEpochMillis()).isEqualTo(T0);
            assertThat(recording.entries()).hasSize(6);
            for (int i = 0; i < 6; i++) {
                RecordingReader.Entry e = recording.entries().get(i);
                ReceivedMessage sent = stored.get(i);
                assertThat(e.offsetMicros()).isEqualTo(i * 100_250L);
                assertThat(e.message().topic()).isEqualTo(sent.topic());
                assertThat(e.message().payload()).isEqualTo(sent.payload());
                assertThat(e.message().qos()).isEqualTo(sent.qos());
                assertThat(e.message().retained()).isEqualTo(sent.retained());
                assertThat(e.message().receivedEpochMillis()).isEqualTo(sent.receivedEpochMillis());
            }
            MessageProperties props = recording.entries().get(3).message().properties();
            assertThat(props.userProperties()).extracting(UserProperty::value).containsExactly("北京", "上海");
            assertThat(props.correlationData()).containsExactly(0, 0xFF);

            // the drop is where it happened: after the third message, before the fourth
            List<String> lines = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(lines).hasSize(9);
            assertThat(lines.get(4)).startsWith("{\"event\":\"disconnect\",\"time\":" + (T0 + 250) + ",\"offsetMicros\":250000,\"reason\":\"connection lost");
            assertThat(lines.get(5)).isEqualTo("{\"event\":\"reconnect\",\"time\":" + (T0 + 260) + ",\"offsetMicros\":260000,\"sessionPresent\":false}");
            assertThat(RecordingReader.scan(file).markers()).extracting(RecordingReader.Marker::kind)
                    .containsExactly(ConnectionMarker.Kind.DISCONNECT, ConnectionMarker.Kind.RECONNECT);

            // a topic filter and a text test narrow it; the header says what was kept
            Path some = dir.resolve("some.jsonl");
            HistoryRange narrowed = HistoryRange.between(null, null).onTopics("工厂/#").keeping(m -> m.payload()[3] != 2);
            assertThat(HistoryExport.write(history, narrowed, some, "s", p -> { }, () -> false).messages()).isEqualTo(2);
            RecordingReader.Recording narrow = RecordingReader.read(some);
            assertThat(narrow.header().filters()).containsExactly("工厂/#");
            assertThat(narrow.entries()).extracting(e -> e.message().topic()).containsExactly("工厂/线0/raw", "工厂/线4/raw");
            assertThat(narrow.entries()).extracting(RecordingReader.Entry::offsetMicros).containsExactly(0L, 401_000L);

            // nothing in the range: no file; an existing file is never overwritten; a cancelled export leaves nothing
            Path none = dir.resolve("none.jsonl");
            assertThat(HistoryExport.write(history, HistoryRange.between(T0 - 5000, T0 - 1), none, "s", p -> { }, () -> false).isEmpty()).isTrue();
            assertThat(none).doesNotExist();
            assertThatThrownBy(() -> HistoryExport.write(history, HistoryRange.between(null, null), some, "s", p -> { }, () -> false))
                    .isInstanceOf(FileAlreadyExistsException.class);
            Path cancelled = dir.resolve("cancelled.jsonl");
            assertThatThrownBy(() -> HistoryExport.write(history, HistoryRange.between(null, null), cancelled, "s", p -> { }, () -> true))
                    .isInstanceOf(CancellationException.class);
            assertThat(cancelled).doesNotExist();
        }
    }

    @Test
    void aHistoryRangeIsAReplaySourceTimedFromItsFirstMessage() throws Exception {
        List<ReceivedMessage> stored = new ArrayList<>();
        try (MessageHistory history = history(stored)) {
            ReplaySource source = ReplaySource.fromHistory(history.file(), HistoryRange.between(T0 + 100, null).onTopics("plant/#"));
            for (int loop = 0; loop < 2; loop++) { // opened afresh for every loop
                List<RecordingReader.Entry> entries = new ArrayList<>();
                try (ReplaySource.Cursor cursor = source.open()) {
                    for (RecordingReader.Entry e = cursor.next(); e != null; e = cursor.next()) {
                        entries.add(e);
                    }
                }
                assertThat(entries).extracting(e -> e.message().topic()).containsExactly("plant/line/1", "plant/line/3", "plant/line/5");
                assertThat(entries).extracting(RecordingReader.Entry::offsetMicros).containsExactly(0L, 200_500L, 401_000L);
            }
            assertThatThrownBy(() -> ReplaySource.fromHistory(dir.resolve("gone.sqlite"), HistoryRange.between(null, null)).open())
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("no message history");
        }
    }
}
