package io.mqttworkbench.ui.tree;

import java.util.List;
import java.util.Optional;

/**
 * The axes of a topic's chart, computed from its points rather than left to the chart's auto-ranging, which
 * pads a single point by 2 % of its value: for epoch milliseconds that is months, with labels out of order.
 * One point gets a minute around it; equal values get a band around the value instead of 0..value.
 */
record ChartRange(Axis time, Axis values) {

    /** Half the time range around a single point (or points all at the same millisecond). */
    static final long LONE_POINT_MILLIS = 30_000;
    private static final int TICKS = 6;
    /** Tick spacings a clock reads well: seconds, minutes, hours, days. */
    private static final long[] TIME_STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
        60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};

    /** Lower and upper bound, ascending, and the distance between ticks. */
    record Axis(double lower, double upper, double tick) {
    }

    /** Empty when there is nothing to chart. */
    static Optional<ChartRange> of(List<TopicDetailViewModel.Point> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (TopicDetailViewModel.Point p : points) {
            first = Math.min(first, p.epochMillis());
            last = Math.max(last, p.epochMillis());
            low = Math.min(low, p.value());
            high = Math.max(high, p.value());
        }
        return Optional.of(new ChartRange(time(first, last), values(low, high)));
    }

    private static Axis time(long first, long last) {
        if (first == last) {
            first -= LONE_POINT_MILLIS;
            last += LONE_POINT_MILLIS;
        }
        long span = last - first;
        long step = TIME_STEPS[TIME_STEPS.length - 1] * Math.max(1, span / TICKS / TIME_STEPS[TIME_STEPS.length - 1]);
        for (long candidate : TIME_STEPS) {
            if (candidate * TICKS >= span) {
                step = candidate;
                break;
            }
        }
        // bounds on whole steps, so the tick labels read 12:00:10, 12:00:20 rather than 12:00:13, 12:00:23
        long lower = Math.floorDiv(first, step) * step;
        long upper = -Math.floorDiv(-last, step) * step;
        return new Axis(lower, upper, step);
    }

    private static Axis values(double low, double high) {
        if (low == high) {
            // a band around the value: 10 % of it, at least 1, so 21.5 reads between 19 and 24, not 0..21.5
            double margin = Math.max(Math.abs(low) * 0.1, 1);
            low -= margin;
            high += margin;
        }
        double step = nice(high / TICKS - low / TICKS); // not (high - low): that overflows for ±1e308
        double lower = Math.floor(low / step) * step;
        double upper = Math.ceil(high / step) * step;
        return new Axis(lower, upper, step);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double nice(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
