package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message log past what memory holds: 60,000 messages on disk, the newest 10,000 of them in memory (as
 * after a flood pushed the rest out, or a restart). Paging, jumping and searching reach the disk.
 */
class MessageLogOnDiskTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final int STORED = 60_000;
    private static final int IN_MEMORY = 10_000;

    @TempDir
    Path dir;
    private MessageHistory history;
    private final MessageStore store = new MessageStore(IN_MEMORY, 1L << 30);
    private final MessageLogViewModel log = new MessageLogViewModel(store, new DecoderRegistry(), Runnable::run, Runnable::run, () -> 0,
            new ConnectionGaps(10), Texts.english());
    private long frame = 10_000_000_000L;

    private static ReceivedMessage message(int i) {
        String payload = "{\"n\":" + i + ",\"state\":\"" + (i % 5_000 == 0 ? "ALARM" : "ok") + "\"}";
        long at = T0 + 10L * i;
        return new ReceivedMessage("plant/line" + (i % 3), payload.getBytes(StandardCharsets.UTF_8), 1, false, false, at * 1_000_000L, at,
                MessageProperties.NONE);
    }

    private static int n(ReceivedMessage m) {
        String text = new String(m.payload(), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(5, text.indexOf(',')));
    }

    private void frame() {
        frame += 3_000_000_000L;
        log.onFrame(frame);
    }

    @BeforeEach
    void fill() throws Exception {
        history = MessageHistory.open(dir.resolve("log.sqlite")).history();
        List<ReceivedMessage> all = new ArrayList<>();
        for (int i = 0; i < STORED; i++) {
            all.add(message(i));
        }
        history.write(all, List.of());
        store.append(all.subList(STORED - IN_MEMORY, STORED));
        log.paging().useHistory(() -> history);
        frame();
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void olderThanMemoryTheStoredRowsFollowOnAndBackAgain() {
        assertThat(log.paging().windowPositionProperty().get()).isEqualTo("50,000 older on disk");
        assertThat(log.paging().olderAvailableProperty().get()).isTrue();

        log.paging().showOlder();
        assertThat(log.paging().showingStoredRows()).isTrue();
        List<ReceivedMessage> rows = log.rows();
        assertThat(rows).hasSize(RowWindow.DEFAULT_CAPACITY);
        int shown = log.paging().rowToShowProperty().get();
        assertThat(n(rows.get(shown))).as("the row just older than memory's oldest is brought into view").isEqualTo(STORED - IN_MEMORY - 1);
        assertThat(n(rows.get(0))).isEqualTo(STORED - IN_MEMORY - RowWindow.DEFAULT_CAPACITY);
        assertThat(log.paging().windowPositionProperty().get()).isEqualTo("On disk: rows 30,001–50,000 of 60,000");

        int added = log.paging().showOlder();
        assertThat(added).isEqualTo(RowWindow.DEFAULT_CAPACITY / 2);
        assertThat(n(log.rows().get(0))).isEqualTo(20_000);

        // newer, to the end of what is stored, then back into memory at the moment the disk ended
        while (log.paging().showingStoredRows()) {
            log.paging().showNewer();
        }
        assertThat(log.rows().get(0)).isSameAs(store.get(store.firstSequence()));
        log.paging().showNewest();
        assertThat(log.followingProperty().get()).isTrue();
        assertThat(n(log.rows().get(log.rows().size() - 1))).isEqualTo(STORED - 1);
    }

    @Test
    void aClickOnAMomentBeforeMemoryShowsThatRowFromTheDisk() {
        log.paging().showAt(T0 + 10L * 1_234);
        assertThat(log.paging().showingStoredRows()).isTrue();
        assertThat(n(log.rows().get(log.paging().rowToShowProperty().get()))).isEqualTo(1_234);

        log.paging().showAt(T0 + 10L * 55_555); // in memory: the live rows show it
        assertThat(log.paging().showingStoredRows()).isFalse();
        assertThat(n(log.rows().get(log.paging().rowToShowProperty().get()))).isEqualTo(55_555);
    }

    @Test
    void aSearchRunsOnDiskAndStaysLive() {
        log.searchTextProperty().set("ALARM");
        log.applyQuery();
        assertThat(log.rows()).extracting(MessageLogOnDiskTest::n).containsExactly(0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000,
                35_000, 40_000, 45_000, 50_000, 55_000);
        assertThat(log.querySummaryProperty().get()).isEqualTo("12 of 60,000 stored messages match");
        assertThat(log.storedMatches(log.appliedQueryProperty().get())).isNotNull();

        // one that arrives after the search, in memory only so far, joins the matches
        store.append(message(60_000));
        frame();
        assertThat(log.rows()).extracting(MessageLogOnDiskTest::n).endsWith(55_000, 60_000);
        assertThat(log.querySummaryProperty().get()).isEqualTo("13 of 60,000 stored messages match");

        // a click on a moment finds it among the matches
        log.paging().showAt(T0 + 10L * 20_000);
        assertThat(n(log.rows().get(log.paging().rowToShowProperty().get()))).isEqualTo(20_000);
    }

    @Test
    void anExportOfAResultOnDiskReadsEveryRow() {
        log.topicFilterProperty().set("plant/line1");
        log.applyQuery();
        List<ReceivedMessage> all = log.everythingShown();
        assertThat(all).hasSize(STORED / 3);
        assertThat(n(all.get(0))).isEqualTo(1);
        assertThat(n(all.get(all.size() - 1))).isEqualTo(STORED - 2);
    }

    @Test
    void aResultOnDiskExportsAsARecordingThatReplays() throws Exception {
        log.searchTextProperty().set("ALARM");
        log.applyQuery();
        Path file = dir.resolve("alarms.jsonl");
        int written = ExportFormat.RECORDING.write(log.everythingShown(), file);
        assertThat(written).isEqualTo(12);
        var recording = io.mqttworkbench.replay.RecordingReader.read(file);
        assertThat(recording.problems()).isEmpty();
        assertThat(recording.entries()).extracting(e -> n(e.message())).containsExactly(0, 5_000, 10_000, 15_000, 20_000, 25_000,
                30_000, 35_000, 40_000, 45_000, 50_000, 55_000);
        assertThat(recording.entries().get(1).offsetMicros()).as("timed as they arrived: 50 s apart").isEqualTo(50_000_000L);
    }

    @Test
    void withoutAHistoryTheSearchRunsInMemory() {
        log.paging().useHistory(() -> null);
        log.searchTextProperty().set("ALARM");
        log.applyQuery();
        assertThat(log.rows()).extracting(MessageLogOnDiskTest::n).containsExactly(50_000, 55_000);
        assertThat(log.querySummaryProperty().get()).isEqualTo("2 of 10,000 messages match");
    }
}
