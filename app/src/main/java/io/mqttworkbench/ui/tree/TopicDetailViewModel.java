package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.DecodeTexts;
import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadDiff;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicStats;
import io.mqttworkbench.topic.TopicTree;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The selected topic: its last message decoded, its history with the difference between consecutive
 * messages, and a chart of a numeric value over time. Follows the topic live, at most a few times per
 * second; decoding, diffing and charting run in the background and only the newest result is shown.
 */
public final class TopicDetailViewModel {

    static final int TEXT_LIMIT = 512 * 1024;
    static final int HEX_LIMIT = 64 * 1024;
    private static final long REFRESH_NANOS = 200_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** A point of the chart: when, and the value. */
    public record Point(long epochMillis, double value) {
    }

    /** The values of one field over time, oldest first; "" is the payload itself. */
    public record Line(String path, List<Point> points) {
    }

    /** The last message prepared for reading. */
    public record Value(String text, String kind, String note) {
        static final Value NONE = new Value("", "", "");
    }

    private final TopicTreeViewModel topics;
    private final DecoderRegistry decoders;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<TopicNode> node = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Value> value = new ReadOnlyObjectWrapper<>(Value.NONE);
    private final ObservableList<ReceivedMessage> history = FXCollections.observableArrayList();
    private final ObjectProperty<ReceivedMessage> selectedEntry = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PayloadDiff.Result> diff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<String> chartPaths = FXCollections.observableArrayList();
    private final StringProperty chartPath = new SimpleStringProperty();
    private final ObservableList<Point> series = FXCollections.observableArrayList();
    private final ObservableList<String> alsoCharted = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chartNote = new ReadOnlyStringWrapper("");
    private final IntegerProperty historyLimit;
    private final OlderMessages fromDisk;

    // JavaFX thread only.
    private ReceivedMessage shownLast;
    private long shownCount = -1;
    private long lastRefreshNanos;
    private int decodeGeneration;
    private int diffGeneration;
    private int chartGeneration;
    private boolean applyingChart;

    /** The window's words, in the interface language. */
    private final Texts texts;

    public TopicDetailViewModel(TopicTreeViewModel topics, Executor background, Executor ui, Texts texts) {
        this(topics, new DecoderRegistry(), background, ui, texts);
    }

    public TopicDetailViewModel(TopicTreeViewModel topics, DecoderRegistry decoders, Executor background, Executor ui, Texts texts) {
        this(topics, decoders, background, ui, StoredMessages.NONE, texts);
    }

    /** @param stored the profile's history on disk, which the topic's history and chart reach back into */
    public TopicDetailViewModel(TopicTreeViewModel topics, DecoderRegistry decoders, Executor background, Executor ui, StoredMessages stored, Texts texts) {
        this.texts = texts;
        this.decoders = decoders;
        this.topics = topics;
        this.background = background;
        this.ui = ui;
        this.fromDisk = new OlderMessages(stored, background, ui, () -> refresh(true), texts);
        TopicTree tree = topics.tree();
        this.historyLimit = new SimpleIntegerProperty(tree.limits().historyPerTopic());
        historyLimit.addListener((obs, old, limit) -> {
            tree.setHistoryPerTopic(Math.max(1, Math.min(TopicTree.Limits.MAX_HISTORY, limit.intValue())));
            refresh(true);
        });
        topics.selectedProperty().addListener((obs, old, selected) -> select(selected));
        topics.repaintTickProperty().addListener((obs, old, tick) -> refresh(false));
        selectedEntry.addListener((obs, old, entry) -> updateDiff());
        chartPath.addListener((obs, old, path) -> {
            if (!applyingChart) {
                updateChart();
            }
        });
        alsoCharted.addListener((ListChangeListener<String>) change -> updateChart());
    }

    public ReadOnlyObjectProperty<TopicNode> nodeProperty() {
        return node.getReadOnlyProperty();
    }

    /** "12 messages · 0.4 msg/s · last 12:34:56.789 · QoS 1 · retained". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Value> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** The topic's last messages, newest first. */
    public ObservableList<ReceivedMessage> history() {
        return history;
    }

    /** The history entry whose difference to the one before it is shown. */
    public ObjectProperty<ReceivedMessage> selectedEntryProperty() {
        return selectedEntry;
    }

    public ReadOnlyObjectProperty<PayloadDiff.Result> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** "12:34:56.789 compared with 12:34:55.120". */
    public ReadOnlyStringProperty diffTitleProperty() {
        return diffTitle.getReadOnlyProperty();
    }

    /** What can be charted: "" for the payload itself, or JSON paths of numeric fields. */
    public ObservableList<String> chartPaths() {
        return chartPaths;
    }

    public StringProperty chartPathProperty() {
        return chartPath;
    }

    /** The charted values, oldest first. */
    public ObservableList<Point> series() {
        return series;
    }

    /** Further fields charted beside the main one, as the user ticked them; those the last message lacks are left out. */
    public ObservableList<String> alsoCharted() {
        return alsoCharted;
    }

    /** One line per charted field: the main one first, then the further ones in the order of the fields. */
    public ObservableList<Line> lines() {
        return lines;
    }

    /** Says why the chart is empty, or how many of the messages had no value. */
    public ReadOnlyStringProperty chartNoteProperty() {
        return chartNote.getReadOnlyProperty();
    }

    /** Where the older messages in the history come from: "312 messages from the history on disk, since 14:02". */
    public ReadOnlyStringProperty storedNoteProperty() {
        return fromDisk.noteProperty();
    }

    /** True when the history on disk may hold older messages of the topic than those shown. */
    public ReadOnlyBooleanProperty canLoadOlderProperty() {
        return fromDisk.canLoadMoreProperty();
    }

    /** Reads a page of older messages from the history on disk. */
    public void loadOlder() {
        fromDisk.loadMore();
    }

    /** How many messages each topic keeps (for the history, the diff and the chart). */
    public IntegerProperty historyLimitProperty() {
        return historyLimit;
    }

    public static String time(ReceivedMessage message) {
        return TIME.format(Instant.ofEpochMilli(message.receivedEpochMillis()));
    }

    private void select(TopicNode selected) {
        node.set(selected);
        fromDisk.select(selected == null ? null : selected.topic());
        // results still being computed for the previous topic must not land on this one
        decodeGeneration++;
        diffGeneration++;
        chartGeneration++;
        shownLast = null;
        shownCount = -1;
        selectedEntry.set(null);
        history.clear();
        chartPaths.clear();
        alsoCharted.clear(); // another topic has other fields
        series.clear();
        lines.clear();
        value.set(Value.NONE);
        diff.set(null);
        diffTitle.set("");
        chartNote.set("");
        summary.set("");
        refresh(true);
    }

    /** Follows the selected topic; called on repaint ticks, acts at most every 200 ms unless forced. */
    private void refresh(boolean force) {
        TopicNode current = node.get();
        if (current == null) {
            return;
        }
        long now = topics.nowNanos();
        if (!force && now - lastRefreshNanos < REFRESH_NANOS) {
            return;
        }
        lastRefreshNanos = now;
        TopicStats stats = topics.stats(current);
        summary.set(describe(stats, now));
        if (!force && stats.ownCount() == shownCount && !fromDisk.due()) {
            return;
        }
        shownCount = stats.ownCount();
        List<ReceivedMessage> inMemory = new ArrayList<>(topics.tree().history(current));
        java.util.Collections.reverse(inMemory);
        // the count belongs to those messages only if nothing arrived while they were taken
        long received = topics.stats(current).ownCount() == stats.ownCount() ? stats.ownCount() : -1;
        List<ReceivedMessage> entries = fromDisk.combine(inMemory, received, Math.max(historyLimit.get(), OlderMessages.PAGE));
        ReceivedMessage keep = selectedEntry.get();
        history.setAll(entries);
        if (keep != null && entries.contains(keep)) {
            selectedEntry.set(keep);
            updateDiff();
        } else {
            selectedEntry.set(entries.isEmpty() ? null : entries.get(0));
        }
        if (stats.last() != shownLast) {
            shownLast = stats.last();
            decode(stats.last());
        }
        updateChart();
    }

    private String describe(TopicStats stats, long now) {
        if (!stats.hasMessage()) {
            return texts.format(stats.topicsBelow() == 1 ? "tree.detail.below.one" : "tree.detail.below.other", stats.subtreeCount(),
                    stats.topicsBelow(), Rates.format(stats.subtreeRate(), texts.locale()));
        }
        ReceivedMessage last = stats.last();
        String figures = texts.format(stats.ownCount() == 1 ? "tree.detail.summary.one" : "tree.detail.summary.other", stats.ownCount(),
                Rates.format(stats.ownRate(), texts.locale()), time(last), last.qos());
        return figures + (stats.retained() ? " · " + texts.text("tree.detail.retained") : "") + " · " + Sizes.bytes(last.payloadSize());
    }

    private void decode(ReceivedMessage last) {
        int mine = ++decodeGeneration;
        if (last == null) {
            value.set(Value.NONE);
            return;
        }
        CompletableFuture.supplyAsync(() -> prepare(last, decoders, texts), background).thenAcceptAsync(prepared -> {
            if (mine == decodeGeneration) {
                value.set(prepared);
            }
        }, ui);
    }

    /** The payload decoded as the message log shows it (same decoders, same detection), cut at a limit that is stated. */
    static Value prepare(ReceivedMessage message, DecoderRegistry decoders, Texts texts) {
        byte[] payload = message.payload();
        if (payload.length == 0) {
            return new Value("", texts.text("tree.value.kind.empty"), texts.text("tree.value.empty"));
        }
        Decoded decoded = decoders.decode(payload, message.topic(), TEXT_LIMIT);
        String rest = decoded.truncated() ? texts.text("tree.value.truncated") : "";
        String decodedNote = new DecodeTexts(texts).of(decoded.note());
        String note = decodedNote.isEmpty() || rest.isEmpty() ? decodedNote + rest : texts.format("tree.value.note.and", decodedNote, rest);
        return new Value(decoded.text(), decoded.format().label(), note);
    }

    private void updateDiff() {
        ReceivedMessage entry = selectedEntry.get();
        int mine = ++diffGeneration;
        int index = entry == null ? -1 : history.indexOf(entry);
        if (index < 0 || index + 1 >= history.size()) {
            diff.set(null);
            diffTitle.set(entry == null ? "" : texts.text("tree.diff.oldest"));
            return;
        }
        ReceivedMessage older = history.get(index + 1);
        diffTitle.set(texts.format("tree.diff.title", time(entry), time(older)));
        CompletableFuture.supplyAsync(() -> PayloadDiff.between(older.payload(), entry.payload()), background).thenAcceptAsync(result -> {
            if (mine == diffGeneration) {
                diff.set(result);
            }
        }, ui);
    }

    private void updateChart() {
        List<ReceivedMessage> entries = List.copyOf(history);
        int mine = ++chartGeneration;
        if (entries.isEmpty()) {
            series.clear();
            lines.clear();
            chartNote.set("");
            return;
        }
        String wanted = chartPath.get();
        List<String> also = List.copyOf(alsoCharted);
        Supplier<ChartValues> work = () -> ChartValues.of(entries, wanted, also, texts);
        CompletableFuture.supplyAsync(work, background).thenAcceptAsync(data -> {
            if (mine != chartGeneration) {
                return;
            }
            if (!data.paths().equals(chartPaths)) {
                chartPaths.setAll(data.paths());
            }
            if (data.path() != null && !data.path().equals(chartPath.get())) {
                applyingChart = true; // this result already is the chart of that path
                try {
                    chartPath.set(data.path());
                } finally {
                    applyingChart = false;
                }
            }
            series.setAll(data.lines().isEmpty() ? List.of() : data.lines().get(0).points());
            lines.setAll(data.lines());
            chartNote.set(data.note());
        }, ui);
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
