package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryMaintenance;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.ui.common.DialogService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile's message history on disk as the connection view shows it: a status line (how many messages
 * since when, how much of the size limit, how many retention removed) read every few seconds off the JavaFX
 * thread; a notice when the file was damaged or could not be opened; "Clear history" for the profile or a
 * topic's subtree, asked first. It starts, stops and retunes the {@link ConnectionHistory} as the profile's
 * settings say, at once, connected or not. Properties change on the JavaFX thread only.
 */
public final class DiskHistoryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DiskHistoryViewModel.class);
    /** How often the status line is read again: the summary takes milliseconds, even at ten million messages. */
    static final long REFRESH_NANOS = Duration.ofSeconds(3).toNanos();
    /** How long a clear's outcome stays in the status bar (it stays in the event log). */
    static final long OUTCOME_NANOS = Duration.ofSeconds(30).toNanos();

    private final Supplier<String> name;
    private final ReceivedTraffic traffic;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> events;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limits = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    // JavaFX thread only.
    private volatile Path file;
    private HistorySettings settings;
    private long nextRefreshNanos;
    private boolean refreshedByFrame;
    private boolean refreshing;
    /** When the outcome on show was first seen by a frame; 0 before. */
    private long outcomeSinceNanos;
    /** Written on the JavaFX thread, read by the threads that close it. */
    private volatile ConnectionHistory current;
    private final java.util.function.Function<ReceivedMessage, String> subscriptionOf;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param name the profile's name as it is now (it follows renames)
     * @param subscriptionOf the filter of the subscription that delivered a message, kept with its row; any thread
     * @param events adds a line to the connection's event log; called on the JavaFX thread
     */
    DiskHistoryViewModel(Supplier<String> name, ReceivedTraffic traffic, java.util.function.Function<ReceivedMessage, String> subscriptionOf,
                         DialogService dialogs, Executor background, Executor ui, Consumer<String> events, ZoneId zone, Texts texts) {
        this.texts = texts;
        this.name = name;
        this.traffic = traffic;
        this.subscriptionOf = subscriptionOf;
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        this.events = events;
        this.zone = zone;
    }

    /** Keeps the profile's messages in {@code file} as {@code settings} say: opened in the background. */
    void keepIn(Path historyFile, HistorySettings historySettings) {
        if (file != null) {
            return;
        }
        file = historyFile;
        settings = historySettings;
        if (settings.keepOnDisk()) {
            start();
        }
        refresh();
    }

    /** The profile was saved: its history starts, stops or takes new limits now. */
    void apply(HistorySettings changed) {
        HistorySettings before = settings;
        settings = changed;
        if (file == null || changed.equals(before)) {
            return;
        }
        ConnectionHistory running = current;
        if (changed.keepOnDisk() && running == null) {
            start();
        } else if (!changed.keepOnDisk() && running != null) {
            current = null;
            background.execute(running::close); // writes what is pending: not on the JavaFX thread
        } else if (running != null) {
            running.settings(changed);
        }
        refresh();
    }

    private void start() {
        ConnectionHistory started = new ConnectionHistory(file, name.get(), traffic, subscriptionOf, settings, text -> ui.execute(() -> {
            notice.set(text);
            events.accept(text);
            refresh();
        }), texts);
        current = started;
        started.start(background);
    }

    /** The open history, or null (not kept, not yet open, or it could not be opened). */
    /** Keeps what the connection reported beside its messages. Any thread; never blocks. */
    void note(io.mqttworkbench.mqtt.ConnectionEvent event) {
        ConnectionHistory running = current;
        if (running != null) {
            running.note(event);
        }
    }

    MessageHistory history() {
        ConnectionHistory running = current;
        return running == null ? null : running.history();
    }

    /** "On disk: 8,345,221 messages since 25 Nov 14:02 · 1.2 GB of 2.0 GB · 12,000 removed by retention". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The limits in words, for the status line's tooltip. */
    public ReadOnlyStringProperty limitsProperty() {
        return limits.getReadOnlyProperty();
    }

    /** What the user must see about the file (damaged and set aside, or not opened); empty when nothing is wrong. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** The last clear's outcome, or that one runs. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** A clear is running: another waits for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the status again when it is due, and lets a clear's outcome go after a while. JavaFX thread, every frame. */
    void onFrame(long nowNanos) {
        if (!outcome.get().isEmpty() && !busy.get()) {
            if (outcomeSinceNanos == 0) {
                outcomeSinceNanos = nowNanos;
            } else if (nowNanos - outcomeSinceNanos > OUTCOME_NANOS) {
                outcome.set("");
                outcomeSinceNanos = 0;
            }
        }
        if (file != null && (!refreshedByFrame || nowNanos - nextRefreshNanos >= 0)) {
            refreshedByFrame = true;
            ConnectionHistory running = current;
            boolean opening = running != null && running.history() == null && !running.failed();
            nextRefreshNanos = nowNanos + (opening ? REFRESH_NANOS / 10 : REFRESH_NANOS); // the figures as soon as it is open
            refresh();
        }
    }

    /** Reads the figures in the background and shows them. */
    void refresh() {
        HistorySettings limitsNow = settings;
        limits.set(limitsNow == null ? "" : limitsText(limitsNow, texts));
        MessageHistory stored = history();
        if (stored == null) {
            status.set(stateWithoutFile());
            return;
        }
        if (refreshing) {
            return;
        }
        refreshing = true;
        CompletableFuture.supplyAsync(() -> summary(stored), background).whenCompleteAsync((summary, error) -> {
            refreshing = false;
            status.set(error != null ? texts.format("connection.history.status.error", cause(error).getMessage())
                    : describe(summary, settings, zone, System.currentTimeMillis(), texts));
        }, ui);
    }

    private String stateWithoutFile() {
        ConnectionHistory running = current;
        if (file == null) {
            return "";
        } else if (running == null) {
            return texts.text("connection.history.off");
        }
        return texts.text(running.failed() ? "connection.history.failed" : "connection.history.opening");
    }

    /** The status line for a summary; {@code nowMillis} decides whether the date is worth saying. */
    static String describe(HistoryMaintenance.Summary summary, HistorySettings settings, ZoneId zone, long nowMillis, Texts texts) {
        long count = summary.messages();
        String messages;
        if (count == 0) {
            messages = texts.text("connection.history.status.none");
        } else if (summary.oldestMillis().isPresent()) {
            messages = texts.format(plural(count, "connection.history.status.since"), count, when(summary.oldestMillis().getAsLong(), zone, nowMillis, texts));
        } else {
            messages = texts.format(plural(count, "connection.history.status.messages"), count);
        }
        String used = Sizes.bytes(summary.bytesOnDisk());
        String limit = Sizes.bytes(settings.maxBytes());
        return summary.droppedByRetention() > 0
                ? texts.format("connection.history.status.retention", messages, used, limit, summary.droppedByRetention())
                : texts.format("connection.history.status", messages, used, limit);
    }

    private static String when(long millis, ZoneId zone, long nowMillis, Texts texts) {
        ZonedDateTime at = Instant.ofEpochMilli(millis).atZone(zone);
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        String pattern = at.toLocalDate().equals(now.toLocalDate()) ? "HH:mm"
                : texts.text(at.getYear() == now.getYear() ? "connection.history.date" : "connection.history.date.year");
        return DateTimeFormatter.ofPattern(pattern, texts.locale()).format(at);
    }

    static String limitsText(HistorySettings settings, Texts texts) {
        if (!settings.keepOnDisk()) {
            return texts.text("connection.history.limits.off");
        }
        long hours = settings.maxAge().toHours();
        String age = hours % 24 == 0 ? texts.format(plural(hours / 24, "connection.history.days"), hours / 24)
                : texts.format(plural(hours, "connection.history.hours"), hours);
        return texts.format("connection.history.limits", age, Sizes.bytes(settings.maxBytes()));
    }

    /** The key for {@code n} of something: {@code key.one} or {@code key.other}. */
    private static String plural(long n, String key) {
        return key + (n == 1 ? ".one" : ".other");
    }

    /** Clears every stored message of the profile, after saying how many and how much disk. */
    public void clearAll() {
        ConnectionHistory running = openHistory();
        if (running == null) {
            return;
        }
        MessageHistory stored = running.history();
        CompletableFuture.supplyAsync(() -> summary(stored), background).whenCompleteAsync((summary, error) -> {
            if (error != null) {
                dialogs.showError(texts.text("connection.history.title"), cause(error).getMessage());
                return;
            }
            String message = texts.format("connection.history.clear.all", summary.messages(), name.get(), Sizes.bytes(summary.bytesOnDisk()));
            if (dialogs.confirm(texts.text("connection.history.clear.all.title"), message, texts.text("connection.history.clear.all.ok"))) {
                run(running, null, null);
            }
        }, ui);
    }

    /** Clears the stored messages of a topic and the topics under it, after saying how many topics have some. */
    public void clearSubtree(TopicNode node) {
        if (node.isRoot()) {
            clearAll();
            return;
        }
        ConnectionHistory running = openHistory();
        if (running == null) {
            return;
        }
        String topic = node.topic();
        MessageHistory stored = running.history();
        CompletableFuture.supplyAsync(() -> {
            try {
                return new HistoryMaintenance(stored).topicsWithMessagesUnder(topic);
            } catch (HistoryException e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((topics, error) -> {
            if (error != null) {
                dialogs.showError(texts.text("connection.history.title"), cause(error).getMessage());
            } else if (topics == 0) {
                dialogs.showInfo(texts.text("connection.history.nothing.title"), texts.format("connection.history.nothing", topic));
            } else if (dialogs.confirm(texts.text("connection.history.clear.subtree.title"),
                    texts.format(plural(topics, "connection.history.clear.subtree"), topic, node.subtreeFilter(), topics),
                    texts.text("connection.history.clear.subtree.ok"))) {
                run(running, topic, node.subtreeFilter());
            }
        }, ui);
    }

    /** The open history, or null after telling the user why there is nothing to clear. */
    private ConnectionHistory openHistory() {
        ConnectionHistory running = current;
        if (busy.get()) {
            dialogs.showInfo(texts.text("connection.history.title"), texts.text("connection.history.busy"));
            return null;
        }
        if (running == null || running.history() == null) {
            dialogs.showInfo(texts.text("connection.history.title"), status.get().isEmpty() ? texts.text("connection.history.none.open")
                    : texts.format("connection.history.unavailable", status.get()));
            return null;
        }
        return running;
    }

    /** @param filter the subtree's filter, shown to the user; null with {@code topic} null: everything */
    private void run(ConnectionHistory running, String topic, String filter) {
        busy.set(true);
        outcomeSinceNanos = 0;
        outcome.set(filter == null ? texts.text("connection.history.removing.all") : texts.format("connection.history.removing.subtree", filter));
        running.clear(topic).whenCompleteAsync((removed, error) -> {
            busy.set(false);
            if (error != null) {
                LOG.warn("clearing {} failed", filter == null ? "all stored messages" : filter, error);
                String reason = cause(error).getMessage();
                outcome.set(filter == null ? texts.format("connection.history.not.removed.all", reason)
                        : texts.format("connection.history.not.removed.subtree", filter, reason));
                dialogs.showError(texts.text("connection.history.title"), outcome.get());
            } else {
                outcome.set(outcomeText(removed, texts));
                events.accept(outcome.get());
            }
            refresh();
        }, ui);
    }

    /** "Removed 12,345 messages, 3.2 MB freed", and why the file was not rewritten when it was not. */
    static String outcomeText(HistoryMaintenance.Removed removed, Texts texts) {
        String text = texts.format(plural(removed.messages(), "connection.history.removed"), removed.messages(), Sizes.bytes(removed.bytesFreed()));
        HistoryMaintenance.Compact compact = removed.compact();
        return compact.why() == HistoryMaintenance.Compact.Why.DONE ? text : texts.format("connection.history.removed.note", text,
                texts.format("domain.history.compact." + compact.why().name().toLowerCase(java.util.Locale.ROOT), compact.detail()));
    }

    private static HistoryMaintenance.Summary summary(MessageHistory stored) {
        try {
            return new HistoryMaintenance(stored).summary();
        } catch (HistoryException e) {
            throw new CompletionException(e);
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Writes what is pending and closes the file. Not on the JavaFX thread. */
    void close() {
        ConnectionHistory running = current;
        if (running != null) {
            running.close();
        }
    }

    /** Closes, then removes the file, kept or not this time: the profile was deleted. Not on the JavaFX thread. */
    void closeAndDelete() {
        ConnectionHistory running = current;
        if (running != null) {
            running.closeAndDelete();
        } else if (file != null) {
            try {
                MessageHistory.delete(file);
            } catch (HistoryException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
