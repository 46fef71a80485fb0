package io.mqttworkbench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageExport;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings written and read back whole, cut in the middle, compressed, and imported from other tools. */
class RecordingFormatTest {
    private static final long START_NANOS = 5_000_000_000L;

    private static List<ReceivedMessage> messages(int count) {
        Random random = new Random(7);
        List<ReceivedMessage> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] payload;
            if (i % 3 == 0) {
                payload = new byte[1 + random.nextInt(40)];
                random.nextBytes(payload);
            } else {
                payload = ("{\"n\":" + i + ",\"text\":\"é\\u00e9 \\\"quoted\\\"\"}").getBytes(StandardCharsets.UTF_8);
            }
            MessageProperties props = i % 5 == 0 ? new MessageProperties("application/json", true, 30L, "replies/" + i, new byte[] {1, 2, (byte) i},
                    List.of(new UserProperty("k", "v" + i), new UserProperty("k", "again")), List.of(), null) : MessageProperties.NONE;
            long nanos = START_NANOS + i * 1_234_567L + (i % 7) * 100_000L;
            list.add(new ReceivedMessage("plant/line" + (i % 4) + "/m" + i, payload, i % 3, i % 10 == 0, false, nanos, 1_700_000_000_000L + i, props));
        }
        return list;
    }

    private static Path record(Path file, List<ReceivedMessage> messages, boolean gzip) throws Exception {
        try (RecordingWriter writer = RecordingWriter.create(file, RecordingHeader.of("test", "mqtt://127.0.0.1:1883", List.of("plant/#"),
                1_700_000_000_000L), START_NANOS, gzip)) {
            writer.write(messages);
        }
        return file;
    }

    @Test
    void everyMessageReadsBackWithItsOffsetAndProperties(@TempDir Path dir) throws Exception {
        List<ReceivedMessage> sent = messages(1000);
        RecordingReader.Recording recording = RecordingReader.read(record(dir.resolve("r.jsonl"), sent, false));
        assertThat(recording.problems()).isEmpty();
        assertThat(recording.kind()).isEqualTo(RecordingReader.Kind.RECORDING);
        assertThat(recording.header().source()).isEqualTo("mqtt://127.0.0.1:1883");
        assertThat(recording.header().filters()).containsExactly("plant/#");
        assertThat(recording.entries()).hasSize(1000);
        for (int i = 0; i < sent.size(); i++) {
            ReceivedMessage a = sent.get(i);
            RecordingReader.Entry e = recording.entries().get(i);
            ReceivedMessage b = e.message();
            assertThat(b.topic()).isEqualTo(a.topic());
            assertThat(b.payload()).isEqualTo(a.payload());
            assertThat(b.qos()).isEqualTo(a.qos());
            assertThat(b.retained()).isEqualTo(a.retained());
            assertThat(b.properties().userProperties()).isEqualTo(a.properties().userProperties());
            assertThat(b.properties().correlationData()).isEqualTo(a.properties().correlationData());
            assertThat(b.properties().contentType()).isEqualTo(a.properties().contentType());
            assertThat(e.offsetMicros()).isEqualTo((a.receivedNanos() - START_NANOS) / 1000);
        }
    }

    @Test
    void aFileCutInTheMiddleOfALineKeepsEveryCompleteLine(@TempDir Path dir) throws Exception {
        Path file = record(dir.resolve("cut.jsonl"), messages(50), false);
        byte[] bytes = Files.readAllBytes(file);
        int lastNewline = lastIndexOf(bytes, (byte) '\n', bytes.length - 2);
        Files.write(file, Arrays.copyOf(bytes, lastNewline + 1 + 10)); // ten bytes into the last line
        RecordingReader.Recording recording = RecordingReader.read(file);
        assertThat(recording.entries()).hasSize(49);
        assertThat(recording.problems()).singleElement().asString().contains("line 51 is cut short");
    }

    @Test
    void aCompressedFileCutShortReadsWhatWasFlushed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.jsonl.gz");
        List<ReceivedMessage> all = messages(2000);
        try (RecordingWriter writer = RecordingWriter.create(file, RecordingHeader.of("test", "mqtt://x", List.of("#"), 0), START_NANOS, true)) {
            writer.write(all.subList(0, 1000));
            writer.flush(); // what a crash would leave: everything up to the last flush
            long flushed = Files.size(file);
            writer.write(all.subList(1000, 2000));
            writer.flush();
            byte[] bytes = Files.readAllBytes(file);
            Files.write(dir.resolve("crashed.jsonl.gz"), Arrays.copyOf(bytes, (int) flushed + 100));
        }
        RecordingReader.Recording whole = RecordingReader.read(file);
        assertThat(whole.entries()).hasSize(2000);
        assertThat(whole.problems()).isEmpty();
        RecordingReader.Recording crashed = RecordingReader.read(dir.resolve("crashed.jsonl.gz"));
        assertThat(crashed.entries().size()).isBetween(1000, 1999);
        assertThat(crashed.problems()).anyMatch(p -> p.contains("ends early"));
    }

    @Test
    void importsMosquittoSubOutputAndTheLogsExport(@TempDir Path dir) throws Exception {
        Path mosquitto = dir.resolve("sub.txt");
        Files.writeString(mosquitto, "sensors/1 {\"t\":20.5}\nsensors/2 hello world\nsensors/3\nbad/+/topic x\n");
        RecordingReader.Recording imported = RecordingReader.read(mosquitto);
        assertThat(imported.kind()).isEqualTo(RecordingReader.Kind.MOSQUITTO_SUB);
        assertThat(imported.entries()).extracting(e -> e.message().topic()).containsExactly("sensors/1", "sensors/2", "sensors/3");
        assertThat(new String(imported.entries().get(1).message().payload(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(imported.entries().get(2).message().payloadSize()).isZero();
        assertThat(imported.problems()).singleElement().asString().contains("line 4 skipped");

        Path export = dir.resolve("export.jsonl");
        try (Writer out = Files.newBufferedWriter(export)) {
            MessageExport.jsonLines(messages(3), out);
        }
        RecordingReader.Recording fromLog = RecordingReader.read(export);
        assertThat(fromLog.kind()).isEqualTo(RecordingReader.Kind.JSON_LINES);
        assertThat(fromLog.entries()).extracting(RecordingReader.Entry::offsetMicros).containsExactly(0L, 1000L, 2000L);
    }

    @Test
    void aLongDamagedImportReportsTheFirstProblemsAndCountsTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i % 2 == 0 ? "ok/" + i + " payload\n" : "bad/#/" + i + " x\n");
        }
        Files.writeString(file, text);
        RecordingReader.Overview overview = RecordingReader.scan(file);
        assertThat(overview.count()).isEqualTo(500);
        assertThat(overview.problems()).hasSize(RecordingReader.PROBLEMS_KEPT + 1);
        assertThat(overview.problems().get(0)).contains("line 2 skipped");
        assertThat(overview.problems().get(RecordingReader.PROBLEMS_KEPT)).isEqualTo("400 more lines skipped");
    }

    @Test
    void scanningFindsTheCountAndLengthWithoutKeepingMessages(@TempDir Path dir) throws Exception {
        Path file = record(dir.resolve("r.jsonl.gz"), messages(3000), true);
        RecordingReader.Overview overview = RecordingReader.scan(file);
        assertThat(overview.count()).isEqualTo(3000);
        assertThat(overview.kind()).isEqualTo(RecordingReader.Kind.RECORDING);
        assertThat(overview.header()).isNotNull();
        assertThat(overview.lastOffsetMicros()).isEqualTo(RecordingReader.read(file).entries().get(2999).offsetMicros());
        assertThat(overview.problems()).isEmpty();
        assertThat(RecordingReader.scan(Files.writeString(dir.resolve("empty.jsonl"), "")).problems()).containsExactly("the file holds no messages");
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
