package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageSearch;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's "search and timeline queries at 1,000,000 rows": one history of a million messages of 100 bytes
 * over two hours on 1,000 topics, built once, then each query checked for what it returns (exactly, from how the
 * rows were made). Times are printed to quote, not asserted: this machine is shared.
 */
class MillionRowsTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final int ROWS = 1_000_000;
    private static final int TOPICS = 1_000;
    /** Two hours over the million: message i arrives at T0 + i * 7.2 ms. */
    private static final long STEP_MICROS = 7_200;
    private static final long HOUR = 3_600_000L;
    /** Every 997th message raises an alarm: what the regular expression finds. */
    private static final int ALARM_EVERY = 997;

    @TempDir
    static Path dir;
    private static Path copy;
    private static MessageHistory history;

    private static long micros(int i) {
        return T0 * 1000 + i * STEP_MICROS;
    }

    private static String topic(int i) {
        int t = i % TOPICS;
        return "site/" + t / 100 + "/sensor/" + t;
    }

    /** 100 bytes of JSON; the sequence number first, so a test can read it back. */
    private static byte[] payload(int i) {
        String alarm = i % ALARM_EVERY == 0 ? "\"overheat-" + i + "\"" : "null";
        String json = "{\"seq\":" + i + ",\"v\":" + (i % 1000) / 10.0 + ",\"alarm\":" + alarm + ",\"pad\":\"";
        return (json + "x".repeat(Math.max(0, 98 - json.length())) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int seq(ReceivedMessage m) {
        String text = new String(m.payload(), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(7, text.indexOf(',')));
    }

    @BeforeAll
    static void fill() throws Exception {
        Path file = dir.resolve("million.sqlite");
        long t0 = System.nanoTime();
        try (MessageHistory writing = MessageHistory.open(file).history()) {
            for (int start = 0; start < ROWS; start += 10_000) {
                List<ReceivedMessage> batch = new ArrayList<>(10_000);
                for (int i = start; i < start + 10_000; i++) {
                    long us = micros(i);
                    // the key is the epoch millisecond plus the microseconds of the monotonic time: exactly micros(i)
                    batch.add(new ReceivedMessage(topic(i), payload(i), 1, false, false, (us % 1000) * 1000, us / 1000, MessageProperties.NONE));
                }
                writing.write(batch, List.of());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        copy = dir.resolve("for-retention.sqlite");
        Files.copy(file, copy); // closed: the write-ahead log is folded in
        history = MessageHistory.open(file).history();
        System.out.printf(Locale.ROOT, "1M rows: filled in %.1f s (%,.0f msg/s, batches of 10,000 through MessageHistory.write), %,d bytes on disk%n",
                seconds, ROWS / seconds, history.bytesOnDisk());
    }

    @AfterAll
    static void close() {
        if (history != null) {
            history.close();
        }
    }

    private static <T> T timed(String what, ThrowingSupplier<T> query) throws Exception {
        long t0 = System.nanoTime();
        T result = query.get();
        System.out.printf(Locale.ROOT, "1M rows: %s in %.0f ms%n", what, (System.nanoTime() - t0) / 1e6);
        return result;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void oneTopicOverOneHourFindsExactlyItsMessagesInOrder() throws Exception {
        long from = T0 + HOUR / 2;
        long to = from + HOUR - 1;
        Predicate<ReceivedMessage> oneTopic = MessageSearch.matcher(
                new MessageQuery("site/3/sensor/345", "", false, false, null, null, null, null, ""), new DecoderRegistry());
        List<ReceivedMessage> found = timed("find, one topic of 1,000 over one hour (500,000 rows scanned)",
                () -> history.find(from, to, oneTopic, Integer.MAX_VALUE));

        List<Integer> expected = new ArrayList<>();
        for (int i = 345; i < ROWS; i += TOPICS) {
            long ms = micros(i) / 1000;
            if (ms >= from && ms <= to) {
                expected.add(i);
            }
        }
        assertThat(expected).hasSizeGreaterThan(400);
        assertThat(found).extracting(MillionRowsTest::seq).containsExactlyElementsOf(expected);
        assertThat(found).allMatch(m -> m.topic().equals("site/3/sensor/345"));

        // the window's search: topics ruled out in SQL, both halves of the hour at once
        MessageQuery query = new MessageQuery("site/3/sensor/345", "", false, false, null, null, from, to, "");
        HistorySearch.Result searched = timed("the log's search, one topic over one hour",
                () -> new HistorySearch(history, Runnable::run).run(query, oneTopic, 5_000_000, (n, of) -> { }, () -> false));
        assertThat(searched.rows().read(0, 10_000)).extracting(MillionRowsTest::seq).containsExactlyElementsOf(expected);

        List<ReceivedMessage> newest = timed("find, the newest 100 of one topic over one hour",
                () -> history.find(from, to, oneTopic, 100));
        assertThat(newest).extracting(MillionRowsTest::seq).containsExactlyElementsOf(expected.subList(expected.size() - 100, expected.size()));
    }

    @Test
    void aRegularExpressionOverEveryPayloadFindsEveryAlarm() throws Exception {
        Predicate<ReceivedMessage> alarms = MessageSearch.matcher(
                new MessageQuery("", "\"alarm\":\"overheat-\\d+\"", true, false, null, null, null, null, ""), new DecoderRegistry());
        List<ReceivedMessage> found = timed("find, a regular expression over all 1,000,000 payloads",
                () -> history.find(null, null, alarms, Integer.MAX_VALUE));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i += ALARM_EVERY) {
            expected.add(i);
        }
        assertThat(found).extracting(MillionRowsTest::seq).containsExactlyElementsOf(expected);
        MessageQuery query = new MessageQuery("", "\"alarm\":\"overheat-\\d+\"", true, false, null, null, null, null, "");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            HistorySearch.Result searched = timed("the log's search, the regular expression over all 1,000,000 (text ruled out in SQL)",
                    () -> new HistorySearch(history, two).run(query, alarms, 5_000_000, (n, of) -> { }, () -> false));
            assertThat(searched.rows().read(0, 10_000)).extracting(MillionRowsTest::seq).containsExactlyElementsOf(expected);
        } finally {
            two.shutdownNow();
        }
        // and the rows the log pages through: every position reads its own row
        AllStoredRows rows = AllStoredRows.of(history);
        assertThat(rows.size()).isEqualTo(ROWS);
        for (int position : new int[] {0, 123_457, 500_000, ROWS - 500}) {
            assertThat(rows.read(position, 500)).extracting(MillionRowsTest::seq)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(position, position + 500).boxed().toList());
        }
    }

    @Test
    void countsPerBucketAddUpToTheRowsInTheirRange() throws Exception {
        long[] perMinute = timed("countsPerBucket, 120 buckets of a minute over the two hours",
                () -> history.countsPerBucket(T0, 60_000, 120));
        assertThat(java.util.Arrays.stream(perMinute).sum()).isEqualTo(ROWS);
        for (int b = 0; b < 120; b++) {
            assertThat(perMinute[b]).as("minute %d", b).isEqualTo(rowsBetween(T0 + b * 60_000L, T0 + (b + 1) * 60_000L));
        }
        long from = T0 + 37 * 60_000L + 13_000;
        long[] perSecond = timed("countsPerBucket, 600 buckets of a second over ten minutes",
                () -> history.countsPerBucket(from, 1_000, 600));
        assertThat(java.util.Arrays.stream(perSecond).sum()).isEqualTo(rowsBetween(from, from + 600_000));
        assertThat(perSecond[0]).isEqualTo(rowsBetween(from, from + 1_000));
    }

    /** Rows that arrived in {@code [fromMillis, toMillis)}, from how they were made. */
    private static long rowsBetween(long fromMillis, long toMillis) {
        long first = Math.max(0, Math.ceilDiv(fromMillis * 1000 - T0 * 1000, STEP_MICROS));
        long end = Math.min(ROWS, Math.ceilDiv(toMillis * 1000 - T0 * 1000, STEP_MICROS));
        return Math.max(0, end - first);
    }

    @Test
    void lastValuesGiveEachTopicItsNewestMessage() throws Exception {
        List<ReceivedMessage> last = timed("lastValues, 1,000 topics", history::lastValues);
        assertThat(last).hasSize(TOPICS);
        for (ReceivedMessage m : last) {
            int i = seq(m);
            assertThat(i).as(m.topic()).isGreaterThanOrEqualTo(ROWS - TOPICS);
            assertThat(m.topic()).isEqualTo(topic(i));
        }
        assertThat(last).extracting(MillionRowsTest::seq).doesNotHaveDuplicates();
    }

    @Test
    void retentionByAgeThenBySizeAtAMillionRows() throws Exception {
        try (MessageHistory kept = MessageHistory.open(copy).history()) {
            long now = T0 + 2 * HOUR;
            long aged = timed("applyRetention by age, the older hour (500,000 rows)", () -> kept.applyRetention(HOUR, Long.MAX_VALUE, now));
            assertThat(aged).isEqualTo(rowsBetween(T0, now - HOUR));
            assertThat(kept.count()).isEqualTo(ROWS - aged);
            assertThat(kept.oldestMillis()).hasValue(micros((int) aged) / 1000);

            long before = kept.bytesOnDisk();
            long limit = before / 2;
            long sized = timed("applyRetention by size, down to half (" + before / 1_000_000 + " MB to " + limit / 1_000_000 + " MB)",
                    () -> kept.applyRetention(Long.MAX_VALUE / 4, limit, now));
            assertThat(sized).isPositive();
            assertThat(kept.bytesOnDisk()).isLessThanOrEqualTo(limit);
            assertThat(Files.size(copy)).isLessThanOrEqualTo(limit + 1_000_000);
            assertThat(kept.count()).isEqualTo(ROWS - aged - sized);
            // the oldest went, the newest stayed, every topic keeps its last value
            assertThat(kept.oldestMillis()).hasValue(micros((int) (aged + sized)) / 1000);
            assertThat(kept.newest(null, 1)).extracting(MillionRowsTest::seq).containsExactly(ROWS - 1);
            assertThat(kept.lastValues()).hasSize(TOPICS);
            assertThat(kept.droppedByRetention()).isEqualTo(aged + sized);
            System.out.printf(Locale.ROOT, "1M rows: retention removed %,d by age and %,d by size; %,d left in %,d bytes%n", aged, sized,
                    kept.count(), kept.bytesOnDisk());
        }
    }
}
