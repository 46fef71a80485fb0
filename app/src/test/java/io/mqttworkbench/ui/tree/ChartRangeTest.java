package io.mqttworkbench.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.ui.tree.TopicDetailViewModel.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The axes of a topic's chart. Before ChartRange the chart auto-ranged: one point at epoch millis
 * 1.78e12 got a time axis 1.76e12..1.80e12 (463 days; the HH:mm:ss labels wrapped round the clock and read
 * out of order), and a value of 21.5 got 21.25..21.75. TopicChartTest shows both on the drawn chart.
 */
class ChartRangeTest {
    private static final long NOON = 1_780_000_200_000L; // a whole 10 minutes, so the expected bounds are exact

    @Test
    void noPointsHaveNoRange() {
        assertThat(ChartRange.of(List.of())).isEmpty();
    }

    @Test
    void onePointGetsThirtySecondsEitherSideAndABandAroundItsValue() {
        ChartRange range = ChartRange.of(List.of(new Point(NOON, 21.5))).orElseThrow();
        assertThat(range.time()).isEqualTo(new ChartRange.Axis(NOON - 30_000, NOON + 30_000, 10_000));
        assertThat(range.values()).as("21.5 ± 10 percent, on whole ticks; not 0..21.5").isEqualTo(new ChartRange.Axis(19, 24, 1));
    }

    @Test
    void zeroGetsABandOfAtLeastOne() {
        ChartRange.Axis values = ChartRange.of(List.of(new Point(NOON, 0))).orElseThrow().values();
        assertThat(values.lower()).isLessThanOrEqualTo(-1);
        assertThat(values.upper()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoEqualValuesSpanTheirTimesWithABandAroundTheValue() {
        ChartRange range = ChartRange.of(List.of(new Point(NOON, -40), new Point(NOON + 90_000, -40))).orElseThrow();
        assertThat(range.time()).isEqualTo(new ChartRange.Axis(NOON, NOON + 90_000, 15_000));
        assertThat(range.values()).isEqualTo(new ChartRange.Axis(-44, -36, 2));
    }

    @Test
    void twoPointsAtTheSameMillisecondAreTreatedAsOne() {
        ChartRange range = ChartRange.of(List.of(new Point(NOON, 1), new Point(NOON, 3))).orElseThrow();
        assertThat(range.time().upper() - range.time().lower()).isEqualTo(60_000);
        assertThat(range.values()).isEqualTo(new ChartRange.Axis(1, 3, 0.5));
    }

    @Test
    void manyPointsGetBoundsFromTheDataOnWholeTicks() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            points.add(new Point(NOON + 3_000 + i * 3_600L, 100 + 50 * Math.sin(i / 30.0)));
        }
        ChartRange range = ChartRange.of(points).orElseThrow();
        // 3 s .. 3,599.4 s after NOON: one hour, ticks every 10 minutes
        assertThat(range.time()).isEqualTo(new ChartRange.Axis(NOON, NOON + 3_600_000, 600_000));
        assertThat(range.values().lower()).isEqualTo(40);
        assertThat(range.values().upper()).isEqualTo(160);
        assertThat(range.values().tick()).isEqualTo(20);
    }

    @Test
    void theWidestDoublesStillGetFiniteBounds() {
        ChartRange.Axis values = ChartRange.of(List.of(new Point(NOON, -1e308), new Point(NOON + 1, 1e308))).orElseThrow().values();
        assertThat(values.lower()).isEqualTo(-1e308);
        assertThat(values.upper()).isEqualTo(1e308);
        assertThat(values.tick()).isFinite().isPositive();
    }

    @Test
    void boundsAscendAndHoldEveryPointAtAnyScale() {
        for (long span : new long[] {1, 7, 999, 61_000, 3_600_000, 86_400_000L * 9, 86_400_000L * 400}) {
            List<Point> points = List.of(new Point(NOON + 1, 0.001), new Point(NOON + 1 + span, 1e9));
            ChartRange range = ChartRange.of(points).orElseThrow();
            assertThat(range.time().lower()).as("span %d", span).isLessThanOrEqualTo(NOON + 1);
            assertThat(range.time().upper()).as("span %d", span).isGreaterThanOrEqualTo(NOON + 1 + span);
            double ticks = (range.time().upper() - range.time().lower()) / range.time().tick();
            assertThat(ticks).as("ticks for span %d", span).isBetween(1.0, 12.0);
            assertThat(range.values().lower()).isLessThanOrEqualTo(0.001);
            assertThat(range.values().upper()).isGreaterThanOrEqualTo(1e9);
        }
    }
}
