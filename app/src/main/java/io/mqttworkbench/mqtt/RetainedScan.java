package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the broker which retained messages it holds under a filter: a short-lived client of its own
 * subscribes, collects what arrives with the retain flag until the broker has been quiet for a moment,
 * and disconnects.
 *
 * <p>A client of its own, not the user's connection: what the user's subscriptions delivered while they
 * were already subscribed came without the retain flag, and subscribing again on that connection would
 * put the broker's retained messages into the log, the counts and the history a second time, and
 * unsubscribing afterwards could drop a subscription of the user's with the same filter. This client
 * uses the profile's broker, credentials and TLS, with a generated client id (so the user's session is
 * never taken over), a clean session that expires at once, no last will and no reconnecting.
 */
public final class RetainedScan {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedScan.class);
    /**
     * The broker sends retained messages right after SUBACK; this long without one means it is done, or
     * three times the longest pause seen between two of them if that is longer (a broker that sends its
     * store in batches), up to {@link #QUIET_AT_MOST}.
     */
    static final Duration QUIET = Duration.ofMillis(800);
    static final Duration QUIET_AT_MOST = Duration.ofSeconds(5);
    /**
     * How long to wait for the first retained message after SUBACK: a broker first looks up what matches (HiveMQ CE
     * took 0.4 s for 130,000, and longer while busy), and an empty answer would wrongly say there is nothing.
     */
    static final Duration FIRST_AT_MOST = Duration.ofSeconds(3);
    /** A tick this late means this process was paused (garbage collection, a starved CPU): what arrived meanwhile may be unread. */
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** A broker still streaming after this long gets a partial answer rather than an endless wait. */
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final int MAX_TOPICS = 500_000;
    private static final long TICK_MILLIS = 100;

    /** One retained message the broker holds. */
    public record Found(String topic, int payloadSize) {
    }

    /**
     * @param topics in topic order
     * @param complete false when the scan stopped at its time or size limit while the broker was still sending
     */
    public record Result(String filter, List<Found> topics, boolean complete) {
        public Result {
            topics = List.copyOf(topics);
        }

        public long totalBytes() {
            return topics.stream().mapToLong(Found::payloadSize).sum();
        }
    }

    private final ConnectionSettings settings;
    private final String filter;
    private final IntConsumer progress;
    private final Duration quiet;
    private final Duration limit;
    private final int maxTopics;
    private final Map<String, Integer> found = new ConcurrentHashMap<>();
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private volatile long lastRetainedNanos;
    private volatile long longestGapNanos;
    /** Whether anything retained arrived yet; until then the wait is {@link #FIRST_AT_MOST}. */
    private volatile boolean anyRetained;
    private volatile String lostReason;
    private volatile boolean cancelled;
    private volatile Thread worker;

    /**
     * @param profileSettings the user's connection settings; the scan's client takes broker, credentials and TLS from them
     * @param progress told how many retained topics were found so far, a few times a second, on the scan's thread
     */
    RetainedScan(ConnectionSettings profileSettings, String filter, IntConsumer progress, Duration quiet, Duration limit, int maxTopics) {
        TopicValidator.requireValidFilter(filter);
        this.settings = profileSettings.toBuilder()
                .clientId("mqttwb-scan-" + ClientIds.randomSuffix(10))
                .cleanStart(true)
                .sessionExpiry(Duration.ZERO)
                .lastWill(null)
                .reconnect(ReconnectPolicy.NEVER)
                .build();
        this.filter = filter;
        this.progress = progress;
        this.quiet = quiet;
        this.limit = limit;
        this.maxTopics = maxTopics;
    }

    /** Starts asking the broker what it retains under {@code filter} (a topic, or a filter like {@code a/#}). */
    public static RetainedScan start(ConnectionSettings profileSettings, String filter, IntConsumer progress) {
        RetainedScan scan = new RetainedScan(profileSettings, filter, progress, QUIET, LIMIT, MAX_TOPICS);
        scan.start();
        return scan;
    }

    void start() {
        Thread thread = new Thread(this::run, "retained-scan " + filter);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    public String filter() {
        return filter;
    }

    /** Completes with what the broker retains, or fails with a {@link ConnectionException} saying why not. */
    public CompletableFuture<Result> result() {
        return result;
    }

    /** Stops the scan; {@link #result()} then fails with a {@link CancellationException}. */
    public void cancel() {
        cancelled = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        ProtocolClient client = null;
        try {
            client = ProtocolClient.create(settings, settings.clientId(), new Events());
            await(client.connect(), settings.connectTimeout().plusSeconds(2), "No answer from " + settings.url());
            // Retain as published: a message retained while the scan listens counts too.
            SubscribeOutcome outcome = await(client.subscribe(List.of(new SubscriptionRequest(filter, 1, false, true, 0, null))),
                    Duration.ofSeconds(10), "No SUBACK for " + filter).get(0);
            if (!outcome.granted()) {
                throw new ConnectionException("The broker refused the subscription to " + filter + " that asks for its retained messages: "
                        + outcome.description(), outcome.reasonCode(), false, null);
            }
            boolean complete = collect();
            result.complete(new Result(filter, sorted(), complete));
        } catch (InterruptedException e) {
            result.completeExceptionally(new CancellationException("stopped"));
        } catch (ConnectionException e) {
            result.completeExceptionally(cancelled ? new CancellationException("stopped") : e);
        } catch (RuntimeException e) {
            LOG.warn("retained scan of {} failed", filter, e);
            result.completeExceptionally(new ConnectionException("Could not ask the broker for its retained messages: " + e.getMessage()));
        } finally {
            Thread.interrupted(); // a cancel during the last step must not cut the goodbye short
            if (client != null) {
                finish(client);
            }
        }
    }

    /** Waits until the broker has been quiet long enough (see {@link #QUIET}); false when a limit stopped it first. */
    private boolean collect() throws InterruptedException, ConnectionException {
        long deadline = System.nanoTime() + limit.toNanos();
        long quietFrom = System.nanoTime();
        long lastTick = quietFrom;
        int reported = -1;
        while (true) {
            Thread.sleep(TICK_MILLIS);
            long now = System.nanoTime();
            if (now - lastTick > STALL_NANOS) {
                quietFrom = now; // quiet counts only while we could have read
            }
            lastTick = now;
            if (cancelled) {
                throw new InterruptedException();
            }
            if (lostReason != null) {
                throw new ConnectionException("The broker closed the connection that asked for its retained messages: " + lostReason);
            }
            int count = found.size();
            if (count != reported) {
                progress.accept(count);
                reported = count;
            }
            if (now - Math.max(lastRetainedNanos, quietFrom) >= quietNeeded()) {
                return true;
            }
            if (count >= maxTopics || now >= deadline) {
                return false;
            }
        }
    }

    /** How long the broker must have sent nothing retained before the answer is complete. */
    private long quietNeeded() {
        if (!anyRetained) {
            return Math.max(quiet.toNanos(), FIRST_AT_MOST.toNanos());
        }
        return Math.max(quiet.toNanos(), Math.min(3 * longestGapNanos, QUIET_AT_MOST.toNanos()));
    }

    private List<Found> sorted() {
        List<Found> list = new ArrayList<>(found.size());
        found.forEach((topic, size) -> list.add(new Found(topic, size)));
        list.sort(Comparator.comparing(Found::topic));
        return list;
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String silence) throws InterruptedException, ConnectionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ConnectionException.unwrap(e);
        } catch (TimeoutException e) {
            throw new ConnectionException(silence + " within " + timeout.toSeconds() + " s");
        }
    }

    private void finish(ProtocolClient client) {
        if (cancelled || lostReason != null) {
            client.abort();
            return;
        }
        try {
            client.disconnect(Duration.ofSeconds(2)).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect after the retained scan of {}: {}", filter, e.toString());
        }
        client.close();
    }

    /** From the client library's threads. */
    private final class Events implements ProtocolClient.Events {
        @Override
        public void messageArrived(ReceivedMessage message) {
            if (!message.retained()) {
                return; // live traffic on the topics, not what the broker keeps
            }
            if (message.payloadSize() == 0) {
                found.remove(message.topic()); // someone deleted it while we listened
            } else if (found.size() < maxTopics || found.containsKey(message.topic())) {
                found.put(message.topic(), message.payloadSize());
            }
            long now = System.nanoTime();
            if (anyRetained) {
                longestGapNanos = Math.max(longestGapNanos, now - lastRetainedNanos);
            }
            lastRetainedNanos = now;
            anyRetained = true;
        }

        @Override
        public void connectionLost(Integer reasonCode, String reason) {
            lostReason = reason;
        }

        @Override
        public void protocolViolation(String text) {
            LOG.debug("retained scan of {}: {}", filter, text);
        }
    }
}
