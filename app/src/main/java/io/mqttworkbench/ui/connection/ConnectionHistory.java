package io.mqttworkbench.ui.connection;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryMaintenance;
import io.mqttworkbench.history.HistoryWriter;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.ui.common.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's message history on disk: opened in the background, the tree given each topic's last value
 * again, then fed every received message and connection drop; retention runs once a minute with the
 * profile's limits (and at once when they change); clears run on the same thread, one at a time; closed with
 * the connection. Nothing here touches JavaFX; what goes wrong is told through {@code notice}.
 */
final class ConnectionHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHistory.class);
    /** Rows the log gets back at the start: a window's worth, read in a few tens of milliseconds. */
    private static final int RESTORED_ROWS = 20_000;
    /** Messages waiting for the disk before new ones are dropped (and counted). */
    private static final int MAX_PENDING = 500_000;

    private final Path file;
    private final String name;
    private final ReceivedTraffic traffic;
    private final Consumer<String> notice;
    private final java.util.function.Function<ReceivedMessage, String> subscriptionOf;
    private final Texts texts;
    private final Consumer<List<ReceivedMessage>> feed = this::offer;
    private final Consumer<ConnectionMarker> marks = this::mark;
    /** Retention and the user's clears, one after the other. */
    private final ScheduledThreadPoolExecutor maintenance;
    private volatile HistorySettings settings;
    private volatile MessageHistory history;
    private volatile HistoryWriter writer;
    private volatile boolean closed;
    private volatile boolean failed;

    /**
     * @param subscriptionOf the filter of the subscription that delivered a message, kept with its row; any thread
     * @param notice told what the user must know: a damaged file set aside, or that nothing is kept this time
     */
    ConnectionHistory(Path file, String name, ReceivedTraffic traffic, java.util.function.Function<ReceivedMessage, String> subscriptionOf,
                      HistorySettings settings, Consumer<String> notice, Texts texts) {
        this.file = file;
        this.subscriptionOf = subscriptionOf;
        this.name = name;
        this.traffic = traffic;
        this.settings = settings;
        this.notice = notice;
        this.texts = texts;
        this.maintenance = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "history-maintenance-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the file on {@code background}; messages are kept from then on. */
    void start(Executor background) {
        traffic.observeBatches(feed);
        traffic.gaps().observe(marks);
        background.execute(this::open);
    }

    private void open() {
        try {
            MessageHistory.Opened opened = MessageHistory.open(file);
            if (closed) {
                opened.history().close();
                return;
            }
            if (!opened.notice().isEmpty()) {
                notice.accept(opened.notice());
            }
            List<ReceivedMessage> last = opened.history().lastValues();
            if (!last.isEmpty()) {
                traffic.restoreLastValues(last); // the tree (and the Sparkplug view) as it was: each topic's last value
            }
            // the log as it was: its newest rows (older ones page in from the disk), unless messages came first
            List<ReceivedMessage> newest = new java.util.ArrayList<>(opened.history().newest(null, RESTORED_ROWS));
            java.util.Collections.reverse(newest);
            traffic.store().restore(newest);
            opened.history().matchSubscriptions(subscriptionOf);
            history = opened.history();
            writer = new HistoryWriter(name, history, MAX_PENDING, Duration.ofMillis(250));
            maintenance.scheduleWithFixedDelay(this::applyRetention, 1, 60, TimeUnit.SECONDS);
        } catch (HistoryException | RuntimeException e) {
            LOG.warn("message history {} not kept: {}", file, e.getMessage());
            failed = true;
            notice.accept(texts.format("connection.history.not.kept", e.getMessage()));
        }
    }

    /** True when the file could not be opened: nothing is kept until the next start. */
    boolean failed() {
        return failed;
    }

    /** Takes the profile's new limits; retention applies them at once rather than within the minute. */
    void settings(HistorySettings changed) {
        boolean different = !changed.equals(settings);
        settings = changed;
        if (different && history != null && !closed) {
            maintenance.execute(this::applyRetention);
        }
    }

    /**
     * Removes the stored messages of {@code topic} and its subtree, or all of them for null, after what retention
     * or another clear is doing; completes with what went.
     */
    CompletableFuture<HistoryMaintenance.Removed> clear(String topic) {
        MessageHistory h = history;
        if (h == null || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException(texts.text("connection.history.not.open")));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                HistoryMaintenance m = new HistoryMaintenance(h);
                return topic == null ? m.clearAll() : m.clearSubtree(topic);
            } catch (HistoryException e) {
                throw new CompletionException(e);
            }
        }, maintenance);
    }

    private void offer(List<ReceivedMessage> batch) {
        HistoryWriter w = writer;
        if (w != null) {
            w.offer(batch);
        }
    }

    /** What the connection reported, for the history's events. Any thread; never blocks. */
    void note(io.mqttworkbench.mqtt.ConnectionEvent event) {
        HistoryWriter w = writer;
        if (w != null) {
            w.note(event);
        }
    }

    private void mark(ConnectionMarker marker) {
        HistoryWriter w = writer;
        if (w != null) {
            w.mark(marker);
        }
    }

    private void applyRetention() {
        MessageHistory h = history;
        if (h == null) {
            return;
        }
        try {
            HistorySettings limits = settings;
            long removed = h.applyRetention(limits.maxAge().toMillis(), limits.maxBytes(), System.currentTimeMillis());
            if (removed > 0) {
                LOG.info("retention removed {} old messages from {}", removed, file);
            }
        } catch (HistoryException e) {
            LOG.warn("retention of {} failed: {}", file, e.getMessage());
        }
    }

    /** The history, once open; null before, or when it could not be opened. */
    MessageHistory history() {
        return history;
    }

    /** Closes, then removes the file from the disk: its profile was deleted. Not on the JavaFX thread. */
    void closeAndDelete() {
        close();
        try {
            MessageHistory.delete(file);
        } catch (HistoryException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /** Writes what is pending and closes the file. Blocks briefly: not on the JavaFX thread. */
    @Override
    public void close() {
        closed = true;
        traffic.unobserveBatches(feed);
        traffic.gaps().unobserve(marks);
        maintenance.shutdownNow();
        try {
            // a retention pass or a clear still running would otherwise use the file after it is closed
            if (!maintenance.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("History maintenance of {} did not stop within 5 s; closing the file anyway", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HistoryWriter w = writer;
        if (w != null) {
            w.close();
        }
        MessageHistory h = history;
        if (h != null) {
            h.close();
        }
    }
}
