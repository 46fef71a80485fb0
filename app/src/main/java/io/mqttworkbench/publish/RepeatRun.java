package io.mqttworkbench.publish;

import io.mqttworkbench.mqtt.PublishOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends a message again and again on its own thread: every {@code interval}, {@code count} times or until
 * stopped. Deadlines are absolute from the start (not sleeps between sends), so the pace does not drift;
 * acknowledgements are counted as they come and never block the pace.
 */
public final class RepeatRun {

    /**
     * Where a run stands.
     *
     * @param sent messages handed to the connection
     * @param acknowledged sent and confirmed (QoS 0: sent)
     * @param failed refused by the broker or not sent
     * @param rate messages per second achieved so far
     */
    public record Progress(long sent, long acknowledged, long failed, String lastError, double rate, long planned, boolean finished,
                           boolean stopped) {
    }

    /** At most this many sends wait for their acknowledgement; beyond it the run waits instead of piling up. */
    private static final int MAX_OUTSTANDING = 10_000;

    private final LongFunction<CompletableFuture<PublishOutcome>> send;
    private final long intervalNanos;
    private final long count;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final SendWindow outstanding = new SendWindow(MAX_OUTSTANDING);
    private final CompletableFuture<Progress> done = new CompletableFuture<>();
    private final Thread thread;
    private volatile String lastError = "";
    private volatile boolean stopRequested;
    private volatile long startNanos;
    private volatile long endNanos;

    /**
     * @param send sends message number {@code n} (from 1) and completes with the broker's answer; it may
     *        throw {@link IllegalArgumentException} (a placeholder that cannot be filled), which ends the run
     * @param count how many to send; 0 or less for "until stopped"
     */
    private RepeatRun(String name, LongFunction<CompletableFuture<PublishOutcome>> send, Duration interval, long count) {
        this.send = send;
        this.intervalNanos = Math.max(0, interval.toNanos());
        this.count = count <= 0 ? Long.MAX_VALUE : count;
        this.thread = Thread.ofPlatform().name("repeat-" + name).daemon(true).unstarted(this::run);
    }

    public static RepeatRun start(String name, LongFunction<CompletableFuture<PublishOutcome>> send, Duration interval, long count) {
        RepeatRun run = new RepeatRun(name, send, interval, count);
        run.startNanos = System.nanoTime();
        run.thread.start();
        return run;
    }

    /** Stops after the send in progress; what was sent is still counted as it is acknowledged. */
    public void stop() {
        stopRequested = true;
        LockSupport.unpark(thread);
    }

    /** Completes when the last send was answered (or the run was stopped and its sends answered). */
    public CompletableFuture<Progress> done() {
        return done;
    }

    public Progress progress() {
        return snapshot(done.isDone());
    }

    private Progress snapshot(boolean finished) {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        double seconds = Math.max(1e-9, (end - startNanos) / 1e9);
        long n = sent.get();
        return new Progress(n, acknowledged.get(), failed.get(), lastError, n <= 1 ? 0 : n / seconds, count == Long.MAX_VALUE ? 0 : count,
                finished, stopRequested);
    }

    private void run() {
        try {
            for (long n = 1; n <= count && !stopRequested; n++) {
                long deadline = startNanos + (n - 1) * intervalNanos;
                for (long wait = deadline - System.nanoTime(); wait > 0 && !stopRequested; wait = deadline - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (stopRequested) {
                    break;
                }
                outstanding.acquire();
                CompletableFuture<PublishOutcome> answer;
                try {
                    answer = send.apply(n);
                } catch (RuntimeException e) {
                    outstanding.release();
                    failed.incrementAndGet();
                    lastError = e.getMessage();
                    break; // a message that cannot be built will not build next time either
                }
                sent.incrementAndGet();
                answer.whenComplete((outcome, error) -> {
                    if (error == null && outcome.success()) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        lastError = error != null ? io.mqttworkbench.mqtt.ConnectionException.unwrap(error).getMessage() : outcome.description();
                    }
                    outstanding.release();
                });
            }
            endNanos = System.nanoTime();
            outstanding.awaitAnswers(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (endNanos == 0) {
                endNanos = System.nanoTime();
            }
            done.complete(snapshot(true));
        }
    }
}
