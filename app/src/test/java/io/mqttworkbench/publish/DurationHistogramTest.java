package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void bucketsCoverEveryValueInOrder() {
        long previous = -1;
        for (int i = 0; i < 3700; i++) {
            long upper = DurationHistogram.upperBound(i);
            assertThat(upper).as("bucket %d", i).isGreaterThan(previous);
            assertThat(DurationHistogram.index(upper)).isEqualTo(i);
            assertThat(DurationHistogram.index(previous + 1)).isEqualTo(i);
            previous = upper;
        }
        assertThat(DurationHistogram.index(Long.MAX_VALUE)).isLessThan(64 * 59);
    }

    @Test
    void percentilesAreWithinTwoPercentOfTheExactOnes() {
        Random random = new Random(3);
        long[] values = new long[200_000];
        DurationHistogram histogram = new DurationHistogram();
        for (int i = 0; i < values.length; i++) {
            // mostly tens of microseconds, some milliseconds, a few long stalls: what a replay sees
            double r = random.nextDouble();
            values[i] = r < 0.9 ? random.nextInt(50_000) : r < 0.999 ? random.nextInt(5_000_000) : 50_000_000L + random.nextInt(100_000_000);
            histogram.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = values[(int) Math.ceil(p * values.length) - 1] / 1e6;
            assertThat(histogram.percentileMillis(p)).as("p%s", p * 100).isCloseTo(exact, within(Math.max(0.001, exact * 0.02)));
        }
        assertThat(histogram.maxMillis()).isEqualTo(values[values.length - 1] / 1e6);
        assertThat(histogram.count()).isEqualTo(values.length);
    }

    @Test
    void emptyAndNegativeValuesAreHarmless() {
        DurationHistogram histogram = new DurationHistogram();
        assertThat(histogram.percentileMillis(0.99)).isZero();
        histogram.record(-5);
        assertThat(histogram.percentileMillis(0.5)).isZero();
    }
}
