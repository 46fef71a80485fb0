package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.message.TrafficCounts.Buckets;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The timeline above the log, without a window: counts, zoom, a dragged range and a click. */
class TimelineViewModelTest {
    private static final long T0 = 1_800_000_000_000L; // a round minute

    private final DecoderRegistry decoders = new DecoderRegistry();
    private final MessageStore store = new MessageStore();
    private final ConnectionGaps gaps = new ConnectionGaps(10);
    private final MessageLogViewModel log = new MessageLogViewModel(store, decoders, Runnable::run, Runnable::run, () -> 0, gaps, Texts.english());
    private long now = T0 + 60_000;
    private final TimelineViewModel timeline = new TimelineViewModel(new StoreCounts(store, decoders), log, Runnable::run, Runnable::run,
            () -> now, Texts.english());

    private void receive(String topic, String payload, long at) {
        store.append(new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, false, at * 1_000_000L, at,
                MessageProperties.NONE));
    }

    /** Ten messages a second on a/1 for the first 30 s, then one a second on b/1 after a 10 s hole. */
    private void traffic() {
        for (int s = 0; s < 30; s++) {
            for (int i = 0; i < 10; i++) {
                receive("a/1", "{\"v\":" + i + "}", T0 + s * 1_000L + i * 100L);
            }
        }
        for (int s = 40; s < 60; s++) {
            receive("b/1", "hello", T0 + s * 1_000L);
        }
        log.onFrame(0);
    }

    @Test
    void countsEveryMessageInRoundBarsFromTheOldestToNow() {
        traffic();
        timeline.setBucketCount(60);
        Buckets b = timeline.bucketsProperty().get();
        assertThat(b.bucketMillis()).isEqualTo(1_000);
        assertThat(b.fromMillis()).isEqualTo(T0);
        assertThat(b.total()).isEqualTo(320);
        assertThat(b.counts()[0]).isEqualTo(10);
        assertThat(b.counts()[35]).isZero();
        assertThat(b.counts()[45]).isEqualTo(1);
        assertThat(timeline.summaryProperty().get()).startsWith("320 messages, ").contains("peak 10/s (bars of 1 s)");
        assertThat(timeline.liveProperty().get()).isTrue();
    }

    @Test
    void countsFollowTheSearchButNotItsTimeRangeWhichIsDrawnInstead() {
        traffic();
        timeline.setBucketCount(60);
        log.topicFilterProperty().set("b/#");
        log.applyQuery();
        assertThat(timeline.bucketsProperty().get().total()).isEqualTo(20);
        assertThat(timeline.summaryProperty().get()).startsWith("20 matching messages");

        timeline.select(T0 + 45_000, T0 + 40_000); // a drag from right to left
        assertThat(log.appliedQueryProperty().get().fromMillis()).isEqualTo(T0 + 40_000);
        assertThat(log.appliedQueryProperty().get().toMillis()).isEqualTo(T0 + 45_000);
        assertThat(timeline.selectedFrom()).isEqualTo(T0 + 40_000);
        assertThat(log.rows()).hasSize(6); // b/1 at 40..45 s
        assertThat(timeline.bucketsProperty().get().total()).isEqualTo(20); // the context stays
    }

    @Test
    void zoomingHoldsTheViewStillAndLiveGoesBackToTheWholePeriod() {
        traffic();
        timeline.setBucketCount(60);
        timeline.zoom(0.25, T0 + 10_000);
        Buckets zoomed = timeline.bucketsProperty().get();
        assertThat(timeline.liveProperty().get()).isFalse();
        assertThat(zoomed.toMillis() - zoomed.fromMillis()).isBetween(15_000L, 16_000L);
        assertThat(zoomed.bucketMillis()).isEqualTo(500);
        timeline.pan(5_000);
        assertThat(timeline.bucketsProperty().get().fromMillis()).isGreaterThan(zoomed.fromMillis());
        timeline.followLive();
        assertThat(timeline.liveProperty().get()).isTrue();
        assertThat(timeline.bucketsProperty().get().bucketMillis()).isEqualTo(1_000);
    }

    @Test
    void aClickShowsTheLogAtThatMomentAndStopsFollowing() {
        traffic();
        timeline.jumpTo(T0 + 41_500);
        int index = log.paging().rowToShowProperty().get();
        assertThat(index).isNotNegative();
        assertThat(log.rows().get(index).receivedEpochMillis()).isEqualTo(T0 + 42_000);
        assertThat(log.followingProperty().get()).isFalse();
    }

    @Test
    void theConnectionsDropsAreThereToMark() {
        gaps.accept(new ConnectionMarker(ConnectionMarker.Kind.DISCONNECT, T0 + 30_000, 1, "gone", false));
        gaps.accept(new ConnectionMarker(ConnectionMarker.Kind.RECONNECT, T0 + 40_000, 2, "back", false));
        assertThat(timeline.gaps()).singleElement().satisfies(g -> assertThat(g.up().epochMillis()).isEqualTo(T0 + 40_000));
    }

    @Test
    void barsAreRoundAndRatesReadable() {
        assertThat(TimelineViewModel.niceBucket(261)).isEqualTo(500);
        assertThat(TimelineViewModel.niceBucket(1_000)).isEqualTo(1_000);
        assertThat(TimelineViewModel.niceBucket(40_000)).isEqualTo(60_000);
        assertThat(TimelineViewModel.niceBucket(3 * 86_400_000L)).isEqualTo(3 * 86_400_000L);
        assertThat(TimelineViewModel.rate(5, 10_000, Texts.english())).isEqualTo("0.5");
        assertThat(TimelineViewModel.rate(12_000, 1_000, Texts.english())).isEqualTo("12,000");
    }

    @Test
    void overDaysTheSummaryNamesTheDaysAndASparsePeakIsCountedNotRated() {
        long[] counts = new long[120];
        counts[7] = 3;
        counts[90] = 7;
        Buckets days = new Buckets(T0, 1_800_000, counts); // 60 hours of half-hour bars
        String summary = TimelineViewModel.describe(days, io.mqttworkbench.message.MessageQuery.ALL.withText("Overheat", false), Texts.english());
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());
        assertThat(summary).isEqualTo("10 matching messages, " + day.format(java.time.Instant.ofEpochMilli(T0)) + "\u2013"
                + day.format(java.time.Instant.ofEpochMilli(T0 + 120 * 1_800_000L)) + " · peak 7 in a bar of 30 min");
    }
}
