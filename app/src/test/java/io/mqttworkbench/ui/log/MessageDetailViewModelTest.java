package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detail pane's payload, a part at a time: never the whole output of a large payload as one string. */
class MessageDetailViewModelTest {
    private final DecoderRegistry decoders = new DecoderRegistry();
    private final MessageLogViewModel log = new MessageLogViewModel(new MessageStore(), decoders, Runnable::run, Runnable::run, () -> 0,
            new io.mqttworkbench.message.ConnectionGaps(10), Texts.english());
    private final MessageDetailViewModel detail = new MessageDetailViewModel(log,
            new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { }, gate -> { }, Texts.english()),
            MessagesPaneFixture.NO_CHOICES, decoders, Runnable::run, Runnable::run, Texts.english());

    private void select(String topic, byte[] payload) {
        log.selectedProperty().set(new ReceivedMessage(topic, payload, 0, false, false, System.nanoTime(), System.currentTimeMillis(), null));
    }

    private ReceivedMessage stored(String topic, String payload) {
        ReceivedMessage m = new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, false, System.nanoTime(),
                System.currentTimeMillis(), null);
        log.store().append(m);
        return m;
    }

    /** Each comparison the pane would open a window for. */
    private List<MessageDetailViewModel.Comparison> comparisonsOpened() {
        List<MessageDetailViewModel.Comparison> opened = new java.util.ArrayList<>();
        detail.comparisonProperty().addListener((obs, old, c) -> {
            if (c != null) {
                opened.add(c);
            }
        });
        return opened;
    }

    @Test
    void compareSaysSoWhenThereIsNoEarlierMessageOnTheTopic() {
        stored("plant/b", "1");
        ReceivedMessage only = stored("plant/a", "{\"t\":1}");
        stored("plant/a/sub", "2");
        List<MessageDetailViewModel.Comparison> opened = comparisonsOpened();
        log.selectedProperty().set(only);
        detail.compareWithPrevious();
        assertThat(opened).isEmpty();
        assertThat(detail.noticeProperty().get()).isEqualTo("No earlier message on plant/a to compare with");
        detail.dismissNotice();
        assertThat(detail.noticeProperty().get()).isEmpty();
    }

    @Test
    void aRowReadFromTheDiskIsComparedWithTheOneBeforeItOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        long t0 = 1_800_000_000_000L;
        try (io.mqttworkbench.history.MessageHistory history = io.mqttworkbench.history.MessageHistory.open(dir.resolve("d.sqlite")).history()) {
            history.write(List.of(new ReceivedMessage("plant/a", "{\"t\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, false, false,
                            t0 * 1_000_000L, t0, io.mqttworkbench.mqtt.MessageProperties.NONE),
                    new ReceivedMessage("plant/a", "{\"t\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, false, false,
                            (t0 + 5) * 1_000_000L, t0 + 5, io.mqttworkbench.mqtt.MessageProperties.NONE)), List.of());
            log.paging().useHistory(() -> history);
            ReceivedMessage fromDisk = history.newest(null, 1).get(0); // as the log shows a row paged in from the disk
            List<MessageDetailViewModel.Comparison> opened = comparisonsOpened();
            log.selectedProperty().set(fromDisk);
            detail.compareWithPrevious();
            assertThat(opened).hasSize(1);
            assertThat(detail.noticeProperty().get()).isEqualTo("1 line differs");
        }
    }

    @Test
    void compareOpensTheComparisonEachTimeItIsAskedFor() {
        stored("plant/a", "{\"t\":1}");
        ReceivedMessage second = stored("plant/a", "{\"t\":2}");
        List<MessageDetailViewModel.Comparison> opened = comparisonsOpened();
        log.selectedProperty().set(second);
        detail.compareWithPrevious();
        detail.compareWithPrevious(); // the window was closed: asking again opens it again
        assertThat(opened).hasSize(2);
        assertThat(detail.noticeProperty().get()).isEqualTo("1 line differs");
    }

    @Test
    void aLargePayloadIsShownAPartAtATimeWithWhereThePartLies() {
        // 3.5 million characters of text: four parts
        String text = "0123456789".repeat(350_000);
        select("big/text", text.getBytes(StandardCharsets.US_ASCII));
        assertThat(detail.decodedProperty().get().text()).isEqualTo(text.substring(0, 1_000_000));
        assertThat(detail.decodedProperty().get().note()).contains("showing the first part");
        assertThat(detail.partSummaryProperty().get()).isEmpty();
        assertThat(detail.hasNextPartProperty().get()).isTrue();

        detail.nextPart();
        assertThat(detail.partProperty().get()).isEqualTo(1);
        assertThat(detail.decodedProperty().get().text()).isEqualTo(text.substring(1_000_000, 2_000_000));
        assertThat(detail.partSummaryProperty().get()).isEqualTo("Characters 1,000,001\u20132,000,000 of 3,500,000 (part 2 of 4)");
        detail.nextPart();
        detail.nextPart();
        assertThat(detail.decodedProperty().get().text()).isEqualTo(text.substring(3_000_000));
        assertThat(detail.partSummaryProperty().get()).isEqualTo("Characters 3,000,001\u20133,500,000 of 3,500,000 (part 4 of 4)");
        assertThat(detail.hasNextPartProperty().get()).isFalse();
        detail.nextPart();
        assertThat(detail.partProperty().get()).as("no part after the last").isEqualTo(3);

        detail.previousPart();
        assertThat(detail.decodedProperty().get().text()).isEqualTo(text.substring(2_000_000, 3_000_000));
        assertThat(detail.hasNextPartProperty().get()).isTrue();

        // another message starts at its first part
        select("small", "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(detail.partProperty().get()).isZero();
        assertThat(detail.decodedProperty().get().text()).isEqualTo("hello");
        assertThat(detail.hasNextPartProperty().get()).isFalse();
        assertThat(detail.partSummaryProperty().get()).isEmpty();
    }

    @Test
    void partsOfStructuredOutputFollowOnAndHexPartsAreWholeRows() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 300_000; i++) {
            json.append(i).append(',');
        }
        json.append("0]");
        select("big/json", json.toString().getBytes(StandardCharsets.US_ASCII));
        String first = detail.decodedProperty().get().text();
        detail.nextPart();
        String second = detail.decodedProperty().get().text();
        assertThat(first + second).startsWith("[\n  0,\n  1,\n").contains("\n  123456,\n");
        assertThat(second).hasSize(1_000_000);

        detail.choose(Optional.of(PayloadFormat.HEX), DecoderChoices.Scope.MESSAGE);
        assertThat(detail.partProperty().get()).isZero();
        detail.nextPart();
        String hex = detail.decodedProperty().get().text();
        assertThat(hex).startsWith(String.format("%08x  ", 1_000_000 / 79 * 16));
        assertThat(detail.decodedProperty().get().from() % 79).isZero();
    }

    @Test
    void aSparkplugBombShowsItsFirstPartQuicklyAndSaysHowManyMetricsThereAre() {
        byte[] bomb = new byte[32 * 1024 * 1024];
        for (int i = 0; i < bomb.length; i += 2) {
            bomb[i] = 0x12;
        }
        long t0 = System.nanoTime();
        select("spBv1.0/plant/NDATA/edge1", bomb);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds").isLessThan(3_000);
        assertThat(detail.decodedProperty().get().note()).startsWith("NDATA, 16,777,216 metrics (the first 100,000 shown)");
        assertThat(detail.decodedProperty().get().text()).hasSize(1_000_000);
        while (detail.hasNextPartProperty().get()) {
            detail.nextPart();
            assertThat(detail.decodedProperty().get().text().length()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(detail.decodedProperty().get().text()).endsWith("\"\u2026 showing the first 100,000 of 16,777,216 metrics\"\n  ]\n}");
        assertThat(detail.partProperty().get()).isEqualTo(6);
    }
}
