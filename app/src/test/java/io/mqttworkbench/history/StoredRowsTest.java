package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored rows by position, and searches on disk: what the message log pages through once memory ends.
 * One history of 30,000 messages over 10 minutes (50 a second, 7 topics) serves every test.
 */
class StoredRowsTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final int COUNT = 30_000;

    @TempDir
    static Path dir;
    private static MessageHistory history;
    private static ExecutorService executor;

    /** Message i arrives at T0 + 20 ms * i: 50 a second. */
    private static ReceivedMessage message(int i) {
        String topic = "plant/line" + (i % 7) + "/temp";
        String payload = "{\"n\":" + i + ",\"text\":\"" + (i % 1000 == 0 ? "ALARM 温度" : "ok") + "\"}";
        long at = T0 + 20L * i;
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), i % 3, i % 11 == 0, false, at * 1_000_000L, at,
                MessageProperties.NONE);
    }

    private static int n(ReceivedMessage m) {
        String text = new String(m.payload(), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(5, text.indexOf(',')));
    }

    @BeforeAll
    static void fill() throws Exception {
        history = MessageHistory.open(dir.resolve("rows.sqlite")).history();
        for (int start = 0; start < COUNT; start += 5_000) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = start; i < start + 5_000; i++) {
                batch.add(message(i));
            }
            history.write(batch, List.of());
        }
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        history.close();
        executor.shutdownNow();
    }

    @Test
    void everyPositionReadsTheRowOfThatPlaceInTimeOrder() throws Exception {
        AllStoredRows rows = AllStoredRows.of(history);
        assertThat(rows.size()).isEqualTo(COUNT);
        // blocks that start inside a second, span seconds, and end at the last row
        for (long position : new long[] {0, 1, 49, 50, 12_345, COUNT - 10}) {
            List<ReceivedMessage> read = rows.read(position, 120);
            assertThat(read).hasSize((int) Math.min(120, COUNT - position));
            for (int k = 0; k < read.size(); k++) {
                assertThat(n(read.get(k))).as("position %d", position + k).isEqualTo(position + k);
            }
        }
        assertThat(rows.read(COUNT, 10)).isEmpty();
        assertThat(rows.newestMillis()).isEqualTo(T0 + 20L * (COUNT - 1));
    }

    @Test
    void aMomentIsFoundToTheMillisecond() throws Exception {
        AllStoredRows rows = AllStoredRows.of(history);
        assertThat(rows.positionAt(T0 - 1)).isZero();
        assertThat(rows.positionAt(T0 + 20L * 777)).isEqualTo(777);
        assertThat(rows.positionAt(T0 + 20L * 777 + 1)).isEqualTo(778);
        assertThat(rows.positionAt(T0 + 20L * COUNT)).isEqualTo(COUNT);
        assertThat(AllStoredRows.countBefore(history, T0 + 20L * 12_001 + 5)).isEqualTo(12_002);
    }

    @Test
    void aSearchOnDiskFindsWhatTheSameTestFindsRowByRow() throws Exception {
        Pattern alarm = Pattern.compile("ALARM 温度");
        AtomicLong lastProgress = new AtomicLong();
        HistorySearch.Result found = new HistorySearch(history, executor).run(MessageQuery.ALL,
                m -> alarm.matcher(new String(m.payload(), StandardCharsets.UTF_8)).find(), 1_000_000, (scanned, total) -> {
                    lastProgress.set(scanned);
                    assertThat(total).isEqualTo(COUNT);
                }, () -> false);
        assertThat(found.cancelled()).isFalse();
        assertThat(found.capped()).isFalse();
        assertThat(found.scanned()).isEqualTo(COUNT);
        assertThat(lastProgress.get()).isEqualTo(COUNT);
        assertThat(found.rows().size()).isEqualTo(COUNT / 1000);
        List<ReceivedMessage> read = found.rows().read(0, 100);
        assertThat(read).extracting(StoredRowsTest::n).containsExactly(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000,
                11000, 12000, 13000, 14000, 15000, 16000, 17000, 18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000,
                28000, 29000);
        assertThat(found.rows().positionAt(T0 + 20L * 15_000)).isEqualTo(15);
        assertThat(found.rows().countBetween(T0, T0 + 20L * 10_000)).isEqualTo(10);
    }

    @Test
    void aTopicFilterAndATimeRangeNarrowTheScan() throws Exception {
        long from = T0 + 60_000;
        long to = T0 + 120_000 - 1;
        MessageQuery query = new MessageQuery("plant/line3/temp", "", false, false, 1, null, from, to, "");
        HistorySearch.Result found = new HistorySearch(history, executor).run(query, m -> m.qos() == 1 && m.topic().equals("plant/line3/temp"),
                1_000_000, (s, t) -> { }, () -> false);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            ReceivedMessage m = message(i);
            if (m.receivedEpochMillis() >= from && m.receivedEpochMillis() <= to && m.topic().equals("plant/line3/temp") && m.qos() == 1) {
                expected.add(i);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(found.rows().read(0, 10_000)).extracting(StoredRowsTest::n).containsExactlyElementsOf(expected);
    }

    @Test
    void aStoppedSearchKeepsTheNewestMatchesItFoundAndSaysSo() throws Exception {
        AtomicLong looks = new AtomicLong();
        HistorySearch.Result found = new HistorySearch(history, Runnable::run).run(MessageQuery.ALL, m -> true, 1_000_000,
                (s, t) -> { }, () -> looks.incrementAndGet() > 2);
        assertThat(found.cancelled()).isTrue();
        assertThat(found.scanned()).isLessThan(COUNT);
        assertThat(found.rows().size()).isPositive().isLessThan(COUNT);
        List<ReceivedMessage> newest = found.rows().read(found.rows().size() - 1, 1);
        assertThat(n(newest.get(0))).isEqualTo(COUNT - 1);
    }

    @Test
    void pastTheMostMatchesKeptTheNewestAreKeptWithoutAHole() throws Exception {
        HistorySearch.Result found = new HistorySearch(history, executor).run(MessageQuery.ALL, m -> true, 1_000, (s, t) -> { },
                () -> false);
        assertThat(found.capped()).isTrue();
        assertThat(found.rows().size()).isEqualTo(1_000);
        assertThat(found.rows().read(0, 1_000)).extracting(StoredRowsTest::n)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(COUNT - 1_000, COUNT).boxed().toList());
    }

    @Test
    void retentionCuttingInsideASecondLeavesPositionsThatReadEveryRowLeft() throws Exception {
        try (MessageHistory h = MessageHistory.open(dir.resolve("cut.sqlite")).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(message(i)); // 10 seconds of 50 a second
            }
            h.write(batch, List.of());
            long cut = T0 + 20L * 130; // inside the third second
            h.applyRetention(T0 + 20L * 600 - cut, Long.MAX_VALUE, T0 + 20L * 600);
            AllStoredRows rows = AllStoredRows.of(h);
            assertThat(rows.size()).isEqualTo(h.count()).isEqualTo(370);
            assertThat(rows.read(0, 500)).extracting(StoredRowsTest::n)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(130, 500).boxed().toList());
        }
    }

    @Test
    void aRowReadBackIsKeyedAsItWasStoredToTheMicrosecond() throws Exception {
        try (MessageHistory h = MessageHistory.open(dir.resolve("micro.sqlite")).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // five in one millisecond, 123 µs apart: the sub-millisecond part comes from the monotonic clock
                batch.add(new ReceivedMessage("t", new byte[] {(byte) i}, 0, false, false, 7_000_000_000L + i * 123_000L, T0,
                        MessageProperties.NONE));
            }
            h.write(batch, List.of());
            AllStoredRows rows = AllStoredRows.of(h);
            List<ReceivedMessage> read = rows.read(0, 5);
            for (int i = 0; i < 5; i++) {
                long key = MessageHistory.timeKey(batch.get(i));
                assertThat(MessageHistory.timeKey(read.get(i))).isEqualTo(key);
                assertThat(rows.positionAtKey(key)).isEqualTo(i);
                assertThat(AllStoredRows.countBeforeKey(h, key)).isEqualTo(i);
            }
        }
    }

    @Test
    void textRuledOutInSqlIsStillFoundInTopicsAndDecodedPayloads() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("spindle OVERHEAT at 93 °C".getBytes(StandardCharsets.UTF_8));
        }
        try (MessageHistory h = MessageHistory.open(dir.resolve("prefilter.sqlite")).history()) {
            List<ReceivedMessage> batch = List.of(
                    message("plant/a", "{\"state\":\"overheat\"}", T0),
                    message("plant/b", "{\"state\":\"ok\"}", T0 + 1),
                    message("alarms/overheat", "{\"state\":\"ok\"}", T0 + 2),
                    new ReceivedMessage("plant/c", zipped.toByteArray(), 0, false, false, (T0 + 3) * 1_000_000L, T0 + 3, MessageProperties.NONE));
            h.write(batch, List.of());
            MessageQuery query = MessageQuery.ALL.withText("Overheat", false);
            io.mqttworkbench.decode.DecoderRegistry decoders = new io.mqttworkbench.decode.DecoderRegistry();
            HistorySearch.Result found = new HistorySearch(h, Runnable::run).run(query,
                    io.mqttworkbench.message.MessageSearch.matcher(query, decoders), 100, (s, t) -> { }, () -> false);
            assertThat(found.rows().read(0, 10)).extracting(ReceivedMessage::topic).containsExactly("plant/a", "alarms/overheat", "plant/c");

            // LIKE's own characters in the text are only text
            h.write(List.of(message("paths/1", "{\"path\":\"C:\\\\temp\\\\x_1%\"}", T0 + 10),
                    message("paths/2", "{\"path\":\"C:\\\\temp\\\\xA1%\"}", T0 + 11)), List.of());
            MessageQuery path = MessageQuery.ALL.withText("C:\\\\temp\\\\x_1%", false);
            HistorySearch.Result paths = new HistorySearch(h, Runnable::run).run(path,
                    io.mqttworkbench.message.MessageSearch.matcher(path, decoders), 100, (s, t) -> { }, () -> false);
            assertThat(paths.rows().read(0, 10)).extracting(ReceivedMessage::topic).containsExactly("paths/1");
        }
    }

    private static ReceivedMessage message(String topic, String payload, long at) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, false, at * 1_000_000L, at,
                MessageProperties.NONE);
    }

    @Test
    void eachRowKeepsTheSubscriptionItsMessageCameThrough() throws Exception {
        try (MessageHistory h = MessageHistory.open(dir.resolve("subscriptions.sqlite")).history()) {
            h.write(List.of(message("plant/a", "before", T0)), List.of()); // nothing told yet: no subscription
            h.matchSubscriptions(m -> m.topic().startsWith("plant/") ? "plant/#" : m.topic().startsWith("工厂/") ? "工厂/+" : null);
            h.write(List.of(message("plant/a", "1", T0 + 1), message("工厂/温度", "2", T0 + 2), message("other", "3", T0 + 3)), List.of());
            java.util.Map<Long, String> found = h.subscriptionsOf(T0 * 1000, (T0 + 10) * 1000);
            assertThat(found).containsOnly(java.util.Map.entry((T0 + 1) * 1000, "plant/#"), java.util.Map.entry((T0 + 2) * 1000, "工厂/+"));
        }
    }
}
