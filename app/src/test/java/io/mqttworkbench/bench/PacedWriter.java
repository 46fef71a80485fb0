package io.mqttworkbench.bench;

import io.mqttworkbench.bench.HistoryWorkload.Msg;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The history writer as the application would run it: messages arrive at a steady rate, and every 250 ms
 * what has arrived since is written in one transaction. A commit that takes longer than the tick makes the
 * next batch bigger, so a writer that cannot keep up shows as a growing backlog.
 */
final class PacedWriter {

    static final long TICK_NANOS = 250_000_000L;

    /** What a run achieved: rate, commit times (ms) and the largest backlog seen at the start of a batch. */
    record Stats(long written, double seconds, double medianCommitMs, double p99CommitMs, double maxCommitMs, long maxBacklog) {
        double rate() {
            return written / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d msgs in %.1f s = %,.0f msg/s; commit median %.1f ms, p99 %.1f ms, max %.1f ms; "
                    + "largest backlog %,d msgs", written, seconds, rate(), medianCommitMs, p99CommitMs, maxCommitMs, maxBacklog);
        }
    }

    private PacedWriter() {
    }

    /**
     * Writes {@code rate} messages a second for {@code seconds} (forever when negative), stamping them from
     * {@code firstUs} on by the clock, strictly increasing; {@code committed} hears the running total after
     * each commit.
     */
    static Stats run(HistoryCandidate c, HistoryWorkload w, int rate, long firstUs, double seconds, LongConsumer committed)
            throws SQLException {
        long start = System.nanoTime();
        long written = 0;
        long lastUs = firstUs;
        long maxBacklog = 0;
        List<Double> commits = new ArrayList<>();
        long nextTick = start + TICK_NANOS;
        while (seconds < 0 || System.nanoTime() - start < seconds * 1e9) {
            LockSupport.parkNanos(nextTick - System.nanoTime());
            nextTick += TICK_NANOS;
            long now = System.nanoTime();
            long due = (now - start) * rate / 1_000_000_000L;
            int n = (int) (due - written);
            maxBacklog = Math.max(maxBacklog, n);
            List<Msg> batch = new ArrayList<>(n);
            long clockUs = firstUs + (now - start) / 1000;
            for (int i = 0; i < n; i++) {
                // arrival times spread over the tick, never repeating: what the real writer's clamp guarantees
                lastUs = Math.max(lastUs + 1, clockUs - (long) (n - i) * 1_000_000L / rate);
                batch.add(w.at(lastUs));
            }
            long t0 = System.nanoTime();
            c.append(batch);
            commits.add((System.nanoTime() - t0) / 1e6);
            written += n;
            committed.accept(written);
            if (System.nanoTime() > nextTick) {
                nextTick = System.nanoTime(); // behind: the next batch starts at once and is bigger
            }
        }
        double[] sorted = commits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(written, (System.nanoTime() - start) / 1e9, percentile(sorted, 0.5), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], maxBacklog);
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
