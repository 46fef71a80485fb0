package io.mqttworkbench.replay;

import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.publish.DurationHistogram;
import io.mqttworkbench.publish.SendWindow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Plays recorded messages into a connection on its own thread. Every message has an absolute deadline
 * from the start of its loop (its recorded offset divided by the speed), so the pace does not drift
 * however many messages came before; the last fraction of a millisecond is waited out by spinning.
 * The source is streamed (the next message is read before its deadline is waited for), and how late
 * each message left goes into a fixed-size histogram, so memory does not grow with the recording. A
 * message the broker refuses is counted and reported, and the replay goes on.
 */
public final class ReplayScheduler {

    /** Where a replay stands. */
    public record Progress(long sent, long refused, int loop, long positionMicros, double rate, boolean paused, boolean finished,
                           boolean stopped) {
        /** Seconds left in this loop at the current speed, or -1 when it cannot be told. */
        public double etaSeconds(double speed, long lastMicros) {
            return speed <= 0 ? -1 : Math.max(0, (lastMicros - positionMicros) / 1e6 / speed);
        }
    }

    /**
     * How it went: counts, duration, lateness percentiles (ms), the first refusals in words, the lines
     * of the recording that were skipped (in the first loop), and why it ended early when the recording
     * could not be read on ("" when it could).
     */
    public record Summary(long sent, long refused, Duration duration, double p50Millis, double p99Millis, double maxMillis, List<String> refusals,
                          List<String> skipped, String failure) {
    }

    private static final long SPIN_NANOS = 200_000;
    private static final int MAX_OUTSTANDING = 10_000;
    private static final int REFUSALS_KEPT = 100;

    private final ReplaySource source;
    private final List<TopicFilter> filters;
    private final ReplayOptions options;
    /** Sparkplug seq per node and timestamps, when the options ask for them to be made live (the sending thread only). */
    private final io.mqttworkbench.sparkplug.SparkplugRenumbering renumbering = new io.mqttworkbench.sparkplug.SparkplugRenumbering();
    private final Function<PublishRequest, CompletableFuture<PublishOutcome>> publish;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final SendWindow outstanding = new SendWindow(MAX_OUTSTANDING);
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Summary> done = new CompletableFuture<>();
    private final Object pauseLock = new Object();
    private final DurationHistogram lateness = new DurationHistogram();
    private volatile String failure = "";
    private volatile List<String> skipped = List.of();
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile int loop = 1;
    private volatile long positionMicros;
    private volatile long startNanos;
    private volatile long endNanos;

    private ReplayScheduler(ReplaySource source, ReplayOptions options, Function<PublishRequest, CompletableFuture<PublishOutcome>> publish) {
        this.source = source;
        this.filters = options.filters().stream().map(TopicFilter::of).toList();
        this.options = options;
        this.publish = publish;
        this.thread = Thread.ofPlatform().name("replay").daemon(true).unstarted(this::run);
    }

    /** Starts replaying; throws {@link IllegalArgumentException} for options that cannot be used. */
    public static ReplayScheduler start(ReplaySource source, ReplayOptions options,
                                        Function<PublishRequest, CompletableFuture<PublishOutcome>> publish) {
        options.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        ReplayScheduler scheduler = new ReplayScheduler(source, options, publish);
        scheduler.startNanos = System.nanoTime();
        scheduler.thread.start();
        return scheduler;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public void stop() {
        stopRequested = true;
        resume();
        LockSupport.unpark(thread);
    }

    public CompletableFuture<Summary> done() {
        return done;
    }

    public Progress progress() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        long n = sent.get();
        double seconds = Math.max(1e-9, (end - startNanos) / 1e9);
        return new Progress(n, refused.get(), loop, positionMicros, n < 2 ? 0 : n / seconds, paused, done.isDone(), stopRequested);
    }

    private void run() {
        try {
            boolean more = true;
            for (int l = 1; (options.loops() == 0 || l <= options.loops()) && !stopRequested && more; l++) {
                loop = l;
                try (ReplaySource.Cursor cursor = source.open()) {
                    // a loop that plays nothing would make "until stopped" spin on reopening the file
                    more = playLoop(cursor) > 0;
                    if (l == 1) {
                        skipped = cursor.problems();
                    }
                }
            }
            endNanos = System.nanoTime();
            outstanding.awaitAnswers(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = "the recording could not be read on: " + e.getMessage();
        } finally {
            if (endNanos == 0) {
                endNanos = System.nanoTime();
            }
            done.complete(summary());
        }
    }

    /** Plays one pass through the source; returns how many messages it sent or tried to. */
    private long playLoop(ReplaySource.Cursor cursor) throws IOException, InterruptedException {
        double speed = options.speed();
        long minGapNanos = options.maxRate() > 0 ? (long) (1e9 / options.maxRate()) : 0;
        long loopStart = System.nanoTime();
        long previousSend = 0;
        long pausedNanos = 0;
        long played = 0;
        for (RecordingReader.Entry entry = cursor.next(); entry != null && !stopRequested; entry = cursor.next()) {
            if (!wanted(entry)) {
                continue;
            }
            if (paused) {
                long pausedAt = System.nanoTime();
                waitWhilePaused();
                pausedNanos += System.nanoTime() - pausedAt;
            }
            long relative = entry.offsetMicros() - options.startMicros();
            long deadline = speed > 0 ? loopStart + pausedNanos + (long) (relative * 1000 / speed) : System.nanoTime();
            if (minGapNanos > 0 && previousSend != 0) {
                deadline = Math.max(deadline, previousSend + minGapNanos);
            }
            waitUntil(deadline);
            if (stopRequested) {
                break;
            }
            outstanding.acquire();
            long now = System.nanoTime();
            lateness.record(now - deadline);
            previousSend = now;
            positionMicros = entry.offsetMicros();
            played++;
            CompletableFuture<?> sending = send(entry.message());
            if (played == 1 && speed > 0 && sending != null) {
                // The schedule starts when the first message is on the wire, not when it was handed over: the first
                // send loads and prepares the whole publishing path, and every later deadline would inherit that delay
                // as a burst of late messages.
                awaitQuietly(sending);
                loopStart = System.nanoTime() - (long) (relative * 1000 / speed);
            }
        }
        return played;
    }

    private boolean wanted(RecordingReader.Entry e) {
        return e.offsetMicros() >= options.startMicros() && (filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(e.message().topic())));
    }

    private static void awaitQuietly(CompletableFuture<?> sending) throws InterruptedException {
        try {
            sending.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // reported through the send's own completion; the schedule goes on
        }
    }

    /** Hands the message over; returns its completion, or null when it was refused before sending. */
    private CompletableFuture<PublishOutcome> send(ReceivedMessage m) {
        MessageProperties p = m.properties();
        // subscription identifiers and topic aliases belonged to the recording connection, not to the message
        MessageProperties kept = new MessageProperties(p.contentType(), p.payloadFormatUtf8(), p.messageExpirySeconds(), p.responseTopic(),
                p.correlationData(), p.userProperties(), List.of(), null);
        String topic = options.mapTopic(m.topic());
        PublishRequest request;
        try {
            byte[] payload = options.renumberSparkplug()
                    ? renumbering.rewrite(topic, m.payload(), System.currentTimeMillis() - m.receivedEpochMillis()) : m.payload();
            request = new PublishRequest(topic, payload, options.qos() != null ? options.qos() : m.qos(),
                    options.retain() != null ? options.retain() : m.retained(), kept);
        } catch (IllegalArgumentException e) {
            refuse(topic + ": " + e.getMessage());
            outstanding.release();
            return null;
        }
        sent.incrementAndGet();
        CompletableFuture<PublishOutcome> sending = publish.apply(request);
        sending.whenComplete((outcome, error) -> {
            if (error != null) {
                refuse(topic + ": " + ConnectionException.unwrap(error).getMessage());
            } else if (!outcome.success()) {
                refuse(topic + ": " + outcome.description());
            }
            outstanding.release();
        });
        return sending;
    }

    private void refuse(String why) {
        refused.incrementAndGet();
        if (refusals.size() < REFUSALS_KEPT) {
            refusals.add(why);
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !stopRequested) {
                pauseLock.wait(100);
            }
        }
    }

    private void waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0 && !stopRequested; left = deadline - System.nanoTime()) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private Summary summary() {
        return new Summary(sent.get(), refused.get(), Duration.ofNanos(endNanos - startNanos), lateness.percentileMillis(0.50),
                lateness.percentileMillis(0.99), lateness.maxMillis(), List.copyOf(refusals), skipped,
                failure);
    }
}
