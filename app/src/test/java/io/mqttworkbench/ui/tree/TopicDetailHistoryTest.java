package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.TopicHistoryQuery;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.topic.TopicTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic detail pane after a restart: memory holds only each topic's restored last value, and the
 * topic's history and chart reach back into the profile's history on disk, read in the background.
 */
class TopicDetailHistoryTest {
    private static final String A = "plant/a/b";
    private static final String B = "plant/a/bc";
    private static final int STORED = 2_500;

    @TempDir
    Path dir;

    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final ArrayDeque<Runnable> ui = new ArrayDeque<>();
    private MessageHistory history;
    private TopicTree tree;
    private TopicTreeViewModel topics;

    @BeforeEach
    void writeAHistoryThenRestart() throws Exception {
        long start = System.currentTimeMillis() - STORED * 1000L;
        try (MessageHistory before = MessageHistory.open(dir.resolve("p.sqlite")).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < STORED; i++) {
                batch.add(Messages.at(A, "{\"value\":" + (1000 + i) + "}", start + i * 1000L));
                batch.add(Messages.at(B, "{\"value\":" + (5000 + i) + "}", start + i * 1000L + 1));
                batch.add(Messages.at("其他/主题", "{\"value\":-1}", start + i * 1000L + 2));
            }
            before.write(batch, List.of());
        }
        // the restart: the tree gets each topic's last value, as ConnectionHistory gives it
        history = MessageHistory.open(dir.resolve("p.sqlite")).history();
        tree = new TopicTree();
        tree.addAll(history.lastValues());
        topics = new TopicTreeViewModel(tree, Texts.english());
    }

    @AfterEach
    void close() {
        history.close();
    }

    private TopicDetailViewModel detail(StoredMessages stored) {
        return new TopicDetailViewModel(topics, new DecoderRegistry(), background::add, ui::add, stored, Texts.english());
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private void runAll() {
        while (!background.isEmpty() || !ui.isEmpty()) {
            runBackground();
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }
    }

    private static List<Double> values(TopicDetailViewModel detail) {
        return detail.series().stream().map(TopicDetailViewModel.Point::value).toList();
    }

    @Test
    void afterARestartTheHistoryAndChartReachBackIntoTheStoredMessages() {
        TopicDetailViewModel detail = detail(StoredMessages.of(() -> history));
        topics.selectedProperty().set(tree.find(A));
        assertThat(detail.history()).as("memory holds the restored last value only").hasSize(1);
        assertThat(detail.storedNoteProperty().get()).startsWith("Reading older messages from the history on disk");
        assertThat(ui).as("the read runs in the background, not on the JavaFX thread").isEmpty();

        runAll();
        assertThat(detail.history()).hasSize(OlderMessages.PAGE).allSatisfy(m -> assertThat(m.topic()).isEqualTo(A));
        assertThat(new String(detail.history().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"value\":" + (1000 + STORED - 1) + "}");
        List<Double> expected = new ArrayList<>();
        for (int i = STORED - OlderMessages.PAGE; i < STORED; i++) {
            expected.add(1000.0 + i);
        }
        assertThat(values(detail)).as("the chart has the stored numbers, oldest first").isEqualTo(expected);
        assertThat(detail.storedNoteProperty().get()).startsWith("999 messages from the history on disk, since ");
        assertThat(detail.canLoadOlderProperty().get()).isTrue();

        detail.loadOlder();
        runAll();
        assertThat(detail.history()).hasSize(2 * OlderMessages.PAGE);
        detail.loadOlder();
        runAll();
        assertThat(detail.history()).as("every stored message of the topic, once").hasSize(STORED)
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8)).doesNotHaveDuplicates();
        assertThat(detail.series()).hasSize(STORED);
        assertThat(values(detail).get(0)).isEqualTo(1000.0);
        assertThat(detail.storedNoteProperty().get()).startsWith(String.format(Locale.ROOT, "%,d messages from the history on disk, since ",
                STORED - 1)).endsWith(": all it holds of this topic");
        assertThat(detail.canLoadOlderProperty().get()).isFalse();
    }

    @Test
    void selectingAnotherTopicCancelsTheReadInFlightAndIgnoresWhatItStillDelivers() {
        List<Boolean> cancelledWhenRead = new ArrayList<>();
        StoredMessages real = StoredMessages.of(() -> history);
        StoredMessages watched = new StoredMessages() {
            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public TopicHistoryQuery.Result newest(String topic, Long beforeMillis, int limit, BooleanSupplier cancelled,
                                                   TopicHistoryQuery.Progress progress) throws HistoryException {
                cancelledWhenRead.add(cancelled.getAsBoolean());
                return real.newest(topic, beforeMillis, limit, cancelled, progress);
            }
        };
        TopicDetailViewModel detail = detail(watched);

        // A's read has not started when B is selected: it is cancelled and finds nothing
        topics.selectedProperty().set(tree.find(A));
        topics.selectedProperty().set(tree.find(B));
        runAll();
        assertThat(cancelledWhenRead).containsExactly(true, false);
        assertThat(detail.history()).hasSize(OlderMessages.PAGE).allSatisfy(m -> assertThat(m.topic()).isEqualTo(B));
        assertThat(values(detail)).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(5000.0));

        // A's read has finished, but what it found reaches the JavaFX thread after B is selected: it is ignored
        topics.selectedProperty().set(tree.find(A));
        runBackground();
        assertThat(ui).isNotEmpty();
        topics.selectedProperty().set(tree.find(B));
        assertThat(detail.history()).hasSize(1);
        runAll();
        assertThat(detail.history()).hasSize(OlderMessages.PAGE).allSatisfy(m -> assertThat(m.topic()).isEqualTo(B));
        assertThat(values(detail)).hasSize(OlderMessages.PAGE).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(5000.0));
        assertThat(detail.storedNoteProperty().get()).startsWith("999 messages from the history on disk");
    }

    @Test
    void whatNewMessagesPushOutOfMemoryStaysInTheListWithoutGapOrRepeat() throws Exception {
        tree.setHistoryPerTopic(5);
        TopicDetailViewModel detail = detail(StoredMessages.of(() -> history));
        topics.selectedProperty().set(tree.find(A));
        runAll();
        assertThat(detail.history()).hasSize(OlderMessages.PAGE);

        // 20 live messages, kept on disk as the writer would; memory keeps the last 5 of them
        long now = System.currentTimeMillis();
        List<ReceivedMessage> live = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            live.add(Messages.at(A, "{\"value\":" + (9000 + i) + "}", now + i * 10L));
        }
        tree.addAll(live);
        topics.onFrame(System.nanoTime() + 1_000_000_000L);
        runAll();
        assertThat(detail.history()).as("15 of them came and went unseen: the list cannot say what is older yet").hasSize(5);
        assertThat(detail.storedNoteProperty().get()).startsWith("Messages come faster than this list follows");

        // the flood is over; what the read needs reaches the disk while it waits for it
        topics.onFrame(System.nanoTime() + 2_000_000_000L);
        assertThat(detail.storedNoteProperty().get()).startsWith("Reading older messages from the history on disk");
        Thread writer = new Thread(() -> {
            LockSupport.parkNanos(300_000_000L);
            try {
                history.write(live, List.of());
            } catch (HistoryException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        runAll();
        writer.join();

        List<String> shown = detail.history().stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
        assertThat(shown).hasSize(OlderMessages.PAGE).doesNotHaveDuplicates();
        assertThat(shown.subList(0, 21)).as("the live ones newest first, then the value restored at the start")
                .startsWith("{\"value\":9019}").endsWith("{\"value\":9000}", "{\"value\":" + (1000 + STORED - 1) + "}");
        assertThat(detail.history()).extracting(ReceivedMessage::receivedEpochMillis).isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void withOneMessageKeptInMemoryEachNewOnePushesTheLastOneIntoTheListNotOut() {
        tree.setHistoryPerTopic(1);
        TopicDetailViewModel detail = detail(StoredMessages.of(() -> history));
        topics.selectedProperty().set(tree.find(A));
        runAll();
        ReceivedMessage restored = detail.history().get(0);

        tree.addAll(List.of(Messages.at(A, "{\"value\":9000}", System.currentTimeMillis())));
        topics.onFrame(System.nanoTime() + 1_000_000_000L);
        assertThat(background).as("nothing to read again").noneMatch(task -> task.getClass().getName().contains("OlderMessages"));
        runAll();
        assertThat(detail.history()).hasSize(OlderMessages.PAGE);
        assertThat(detail.history().subList(0, 2)).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("{\"value\":9000}", "{\"value\":" + (1000 + STORED - 1) + "}");
        assertThat(detail.history().get(1)).isSameAs(restored);
        assertThat(detail.storedNoteProperty().get()).as("the restored value came from memory, the oldest read went for the new one")
                .startsWith("998 messages from the history on disk");
    }

    @Test
    void withoutAHistoryThePaneShowsWhatIsInMemory() {
        TopicDetailViewModel detail = detail(StoredMessages.NONE);
        topics.selectedProperty().set(tree.find(A));
        runAll();
        assertThat(detail.history()).hasSize(1);
        assertThat(detail.storedNoteProperty().get()).isEmpty();
        assertThat(detail.canLoadOlderProperty().get()).isFalse();
    }
}
