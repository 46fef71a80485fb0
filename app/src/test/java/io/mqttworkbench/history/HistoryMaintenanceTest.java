package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clearing a history, all of it or a topic's subtree, and the figures the window shows about it: on real files. */
class HistoryMaintenanceTest {
    private static final long T0 = 1_800_000_000_000L;
    /** The topics written, a message each in turn; "plant/a" is cleared, its look-alikes must stay. */
    private static final List<String> TOPICS = List.of("plant/a", "plant/a/x", "plant/a/x/y", "plant/ab", "plant/b", "plant%a", "other", "plant/a/温度");

    @TempDir
    Path dir;

    private static ReceivedMessage message(String topic, String payload, long atMillis) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, false, atMillis * 1_000_000L, atMillis,
                MessageProperties.NONE);
    }

    /** 8,000 messages of 600 bytes over 40 seconds, the topics in turn; 5 MB. */
    private static void fill(MessageHistory history) throws HistoryException {
        for (int b = 0; b < 8; b++) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = b * 1000 + i;
                batch.add(message(TOPICS.get(n % TOPICS.size()), "p".repeat(600) + n, T0 + n * 5L));
            }
            history.write(batch, List.of());
        }
    }

    private static long filesSize(Path file) throws Exception {
        long total = 0;
        for (Path f : HistoryFile.withSideFiles(file)) {
            total += Files.exists(f) ? Files.size(f) : 0;
        }
        return total;
    }

    /** Messages per topic, counted from the rows themselves. */
    private static Map<String, Long> perTopic(MessageHistory history) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = history.reader(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT t.name, count(*) FROM messages m JOIN topics t ON t.id = m.topic_id GROUP BY t.name ORDER BY t.name")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    /** The per-second table must still add up to the rows in each second: the timeline is drawn from it. */
    private static void assertTimelineMatchesTheRows(MessageHistory history) throws Exception {
        try (Connection c = history.reader(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT count(*) FROM (SELECT time_us / 1000000 AS second, count(*) AS n FROM messages GROUP BY 1) AS rows "
                        + "FULL JOIN timeline t ON t.second = rows.second WHERE rows.n IS NOT t.count")) {
            assertThat(r.next() && r.getLong(1) == 0).as("every second's count equals its rows").isTrue();
        }
    }

    @Test
    void clearingASubtreeRemovesOnlyItsRowsKeepsTheTimelineRightAndShrinksTheFile() throws Exception {
        Path file = dir.resolve("s.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            fill(history);
            history.vacuum(); // a checkpoint: the file holds what was written, not the write-ahead log
            long before = filesSize(file);
            HistoryMaintenance maintenance = new HistoryMaintenance(history, 700); // a dozen steps
            assertThat(maintenance.topicsWithMessagesUnder("plant/a")).isEqualTo(4);

            HistoryMaintenance.Removed removed = maintenance.clearSubtree("plant/a");

            assertThat(removed.messages()).isEqualTo(4_000);
            assertThat(removed.compactNote()).isEmpty();
            assertThat(perTopic(history)).containsOnlyKeys("plant/ab", "plant/b", "plant%a", "other").containsValues(1_000L);
            assertThat(history.count()).isEqualTo(4_000);
            assertThat(maintenance.summary().messages()).isEqualTo(4_000);
            assertTimelineMatchesTheRows(history);
            assertThat(history.countsPerBucket(T0, 10_000, 4)).containsExactly(1_000, 1_000, 1_000, 1_000);
            assertThat(history.lastValues()).extracting(ReceivedMessage::topic).containsExactlyInAnyOrder("plant/ab", "plant/b", "plant%a", "other");
            assertThat(maintenance.topicsWithMessagesUnder("plant/a")).isZero();
            long after = filesSize(file);
            assertThat(after).isLessThan(before * 6 / 10);
            assertThat(removed.bytesFreed()).isEqualTo(before - after);

            // the history goes on: a cleared topic takes new messages again
            history.write(List.of(message("plant/a/x", "again", T0 + 60_000)), List.of());
            assertThat(history.lastValues()).extracting(ReceivedMessage::topic).contains("plant/a/x");

            // a handful of messages is not worth rewriting the file for, and the user is told
            HistoryMaintenance.Removed few = maintenance.clearSubtree("plant/a/x");
            assertThat(few.messages()).isEqualTo(1);
            assertThat(few.compactNote()).contains("too few to rewrite the file for");
            assertTimelineMatchesTheRows(history);
        }
    }

    @Test
    void clearingEverythingLeavesAnEmptyHistoryAndFreesTheDisk() throws Exception {
        Path file = dir.resolve("a.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            fill(history);
            history.vacuum();
            long before = filesSize(file);
            HistoryMaintenance maintenance = new HistoryMaintenance(history);

            HistoryMaintenance.Removed removed = maintenance.clearAll();

            assertThat(removed.messages()).isEqualTo(8_000);
            assertThat(removed.bytesFreed()).isGreaterThan(before * 8 / 10);
            assertThat(filesSize(file)).isLessThan(before / 5);
            HistoryMaintenance.Summary summary = maintenance.summary();
            assertThat(summary.messages()).isZero();
            assertThat(summary.oldestMillis()).isEmpty();
            assertThat(history.lastValues()).isEmpty();
        }
    }

    @Test
    void theSummaryAddsUpTheSecondsAndStaysExactWhenRetentionCutsASecondInTwo() throws Exception {
        Path file = dir.resolve("r.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            fill(history);
            HistoryMaintenance maintenance = new HistoryMaintenance(history);
            HistoryMaintenance.Summary full = maintenance.summary();
            assertThat(full.messages()).isEqualTo(8_000);
            assertThat(full.oldestMillis()).hasValue(T0);
            assertThat(full.bytesOnDisk()).isEqualTo(history.bytesOnDisk());
            assertThat(full.droppedByRetention()).isZero();

            // older than 30.0025 s at T0 + 40 s: a cut half way through the eleventh second (200 messages a second)
            long removed = history.applyRetention(40_000 - 10_002 - 500, Long.MAX_VALUE, T0 + 40_000);
            assertThat(removed).isEqualTo(2_101);
            HistoryMaintenance.Summary after = maintenance.summary();
            assertThat(after.messages()).isEqualTo(history.count()).isEqualTo(8_000 - 2_101);
            assertThat(after.droppedByRetention()).isEqualTo(2_101);
            assertTimelineMatchesTheRows(history);
        }
    }
}
