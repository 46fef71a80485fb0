package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.TimeInput;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.TimedNotice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The message log of one connection: the live rows, a query over them, pause, counts, the store's caps
 * and export. Searches and exports run on the background executor; rows change once per frame.
 */
public final class MessageLogViewModel {
    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    private static final long ROWS_INTERVAL_NANOS = 50_000_000L;

    private final MessageStore store;
    private final DecoderRegistry decoders;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier inboundDropped;
    private final ConnectionGaps gaps;
    private final GapNotes gapNotes;
    private final ShownRows shown;
    private final LogPaging paging;
    private final DuplicateCollapse collapse;
    /** The query in effect and the rows it shows. */
    private final LogFiltering filtering;

    private final StringProperty topicFilter = new SimpleStringProperty("");
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> qos = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> retained = new SimpleObjectProperty<>();
    private final StringProperty userProperty = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyLongWrapper newWhilePaused = new ReadOnlyLongWrapper();
    private final ObjectProperty<ReceivedMessage> selected = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper receivedCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper droppedCount = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper messagesPerSecond = new ReadOnlyDoubleWrapper();
    private final IntegerProperty maxMessages;
    private final IntegerProperty maxMegabytes;
    private final TimedNotice notice = new TimedNotice();
    private long rowsRefreshedNanos;
    private long rateStartNanos;
    private long rateStartCount;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param inboundDropped messages the connection's inbound queue refused (they never reached the store)
     * @param gaps where the connection was down, marked on the first row after each hole
     */
    public MessageLogViewModel(MessageStore store, DecoderRegistry decoders, Executor background, Executor ui, LongSupplier inboundDropped,
                               ConnectionGaps gaps, Texts texts) {
        this.texts = texts;
        this.store = store;
        this.gaps = gaps;
        this.gapNotes = new GapNotes(gaps, texts);
        this.collapse = new DuplicateCollapse(texts);
        this.decoders = decoders;
        this.background = background;
        this.ui = ui;
        this.inboundDropped = inboundDropped;
        this.shown = new ShownRows(store, RowWindow.DEFAULT_CAPACITY, texts);
        this.paging = new LogPaging(shown, store, following, background, ui, this::diskProblem);
        this.filtering = new LogFiltering(store, shown, paging, new LogSearch(store, decoders, background, ui, paging::history, this::diskProblem, texts),
                collapse, following::get, texts);
        this.maxMessages = new SimpleIntegerProperty(store.maxMessages());
        this.maxMegabytes = new SimpleIntegerProperty((int) Math.max(1, store.maxPayloadBytes() / (1024 * 1024)));
        collapse.onProperty().addListener((obs, was, now) -> filtering.showUnfiltered());
        paused.addListener((obs, was, now) -> {
            if (!now) {
                newWhilePaused.set(0);
            }
        });
    }

    /**
     * What the table shows: a window onto every message, or onto what the query found (and finds as messages
     * arrive); see {@link RowWindow} for why a window.
     */
    public ReadOnlyObjectProperty<ObservableList<ReceivedMessage>> rowsProperty() {
        return shown.rowsProperty();
    }

    public ObservableList<ReceivedMessage> rows() {
        return shown.rowsProperty().get();
    }

    /** Every row the table could show, not only those in its window: what "export all shown" exports. */
    public List<ReceivedMessage> everythingShown() {
        return shown.everything();
    }

    /** Where the table is: following the newest rows, paged back through memory, or reading the disk. */
    public LogPaging paging() {
        return paging;
    }

    /** "Collapse duplicates": one row for the copies of a message that overlapping subscriptions delivered. */
    public DuplicateCollapse collapse() {
        return collapse;
    }

    private void diskProblem(String text) {
        notice.problem(texts.format("log.disk.problem", text));
    }

    public StringProperty topicFilterProperty() {
        return topicFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public ObjectProperty<Integer> qosProperty() {
        return qos;
    }

    public ObjectProperty<Boolean> retainedProperty() {
        return retained;
    }

    public StringProperty userPropertyProperty() {
        return userProperty;
    }

    /** Start of the time range: "14:05", "14:05:30", "2026-11-26 14:05" (local time), or empty. */
    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyStringProperty queryProblemProperty() {
        return filtering.queryProblem.getReadOnlyProperty();
    }

    /** "1,204 of 1,000,000 messages match" while a query is shown. */
    public ReadOnlyStringProperty querySummaryProperty() {
        return filtering.querySummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return filtering.searching.getReadOnlyProperty();
    }

    /** How far a running search is, 0 to 1; -1 while it cannot tell. */
    public ReadOnlyDoubleProperty searchProgressProperty() {
        return filtering.searchProgress.getReadOnlyProperty();
    }

    /** "Searched 3,400,000 of 10,000,000 stored messages…" while a search runs. */
    public ReadOnlyStringProperty searchProgressTextProperty() {
        return filtering.searchProgressText.getReadOnlyProperty();
    }

    /** Stops the running search; it shows what it found so far and says what it left out. */
    public void cancelSearch() {
        filtering.cancel();
    }

    /**
     * The search on disk whose matches are shown, if the query is the one in effect: the timeline counts
     * them from their keys. Null otherwise.
     */
    public HistorySearch.Result storedMatches(MessageQuery query) {
        return filtering.storedMatches(query);
    }

    public ReadOnlyBooleanProperty filteredProperty() {
        return filtering.filtered.getReadOnlyProperty();
    }

    public BooleanProperty followingProperty() {
        return following;
    }

    /** While paused the rows hold still; {@link #newWhilePausedProperty()} counts what is waiting. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyLongProperty newWhilePausedProperty() {
        return newWhilePaused.getReadOnlyProperty();
    }

    public ObjectProperty<ReceivedMessage> selectedProperty() {
        return selected;
    }

    public ReadOnlyLongProperty receivedCountProperty() {
        return receivedCount.getReadOnlyProperty();
    }

    /** Messages the connection's inbound queue refused because the window fell behind: they never reached the log. */
    public long inboundDroppedCount() {
        return inboundDropped.getAsLong();
    }

    /** Messages lost to the caps: evicted from the store plus refused by a full inbound queue. */
    public ReadOnlyLongProperty droppedCountProperty() {
        return droppedCount.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty messagesPerSecondProperty() {
        return messagesPerSecond.getReadOnlyProperty();
    }

    public IntegerProperty maxMessagesProperty() {
        return maxMessages;
    }

    public IntegerProperty maxMegabytesProperty() {
        return maxMegabytes;
    }

    /** The outcome of the last export or cap change, in a sentence. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.textProperty();
    }

    /** That sentence, which goes by itself a while after an outcome and stays after a problem until dismissed. */
    public TimedNotice notice() {
        return notice;
    }

    /**
     * The hole in the traffic between the row above ({@code earlier}) and {@code message}, told in words;
     * empty when the connection was up all along.
     */
    public Optional<String> gapBefore(ReceivedMessage earlier, ReceivedMessage message) {
        return gapNotes.gapBefore(earlier, message);
    }

    /** Where the connection was down: the timeline marks it. */
    public ConnectionGaps gaps() {
        return gaps;
    }

    /** The search in effect (the one the rows show), or {@link MessageQuery#ALL}. */
    public ReadOnlyObjectProperty<MessageQuery> appliedQueryProperty() {
        return filtering.applied.getReadOnlyProperty();
    }

    public MessageStore store() {
        return store;
    }

    /** The query the form describes; throws {@link IllegalArgumentException} for a time it cannot read. */
    public MessageQuery query() {
        Long fromMillis = TimeInput.parse(from.get(), false).orElse(null);
        Long toMillis = TimeInput.parse(to.get(), true).orElse(null);
        return new MessageQuery(topicFilter.get(), searchText.get(), regex.get(), false, qos.get(), retained.get(), fromMillis, toMillis,
                userProperty.get());
    }

    /** Runs the form's query in the background; an empty form shows every message again. */
    public void applyQuery() {
        MessageQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            filtering.queryProblem.set(new io.mqttworkbench.ui.common.SearchTexts(texts).explain(e));
            return;
        }
        filtering.apply(query);
    }

    /** Shows every message again. */
    public void clearQuery() {
        filtering.clear();
    }

    /** Forgets every message (the user asked to). */
    public void clear() {
        store.clear();
        selected.set(null);
        shown.onFrame(following.get(), false);
        if (shown.showingMatches()) {
            applyQuery();
        }
    }

    /** Applies the caps from the form; lowering them drops the oldest messages now. */
    public void applyCaps() {
        long before = store.evictedCount();
        int messages = Math.max(1, maxMessages.get());
        long bytes = Math.max(1L, maxMegabytes.get()) * 1024 * 1024;
        store.setLimits(messages, bytes);
        long dropped = store.evictedCount() - before;
        notice.outcome(dropped == 0 ? texts.format("log.caps.done", messages, Sizes.bytes(bytes))
                : texts.format("log.caps.done.dropped", messages, Sizes.bytes(bytes), dropped));
    }

    /**
     * Writes messages to {@code target} (a file, or a folder for raw payloads) in the background; the
     * notice says how many, or why not.
     */
    public CompletableFuture<Integer> export(List<ReceivedMessage> messages, ExportFormat format, Path target) {
        notice.underWay(texts.format("log.export.running", messages.size()));
        // In the background, not on the JavaFX thread: "all shown" can be a million rows.
        return CompletableFuture.supplyAsync(() -> format.write(messages, target), background).whenCompleteAsync((count, error) -> {
            if (error == null) {
                notice.outcome(texts.format("log.export.done", count, format.label(texts), target));
            } else {
                notice.problem(ExportFormat.failure(error, texts));
            }
        }, ui);
    }

    /** Once per frame, JavaFX thread. */
    public void onFrame(long nowNanos) {
        notice.onFrame(nowNanos);
        // Rows at most 20 times a second: nobody reads faster, and under a flood every refresh re-lays out every
        // visible row. The frame rate stays free for everything else.
        if (nowNanos - rowsRefreshedNanos < ROWS_INTERVAL_NANOS && rowsRefreshedNanos != 0) {
            return;
        }
        rowsRefreshedNanos = nowNanos;
        paging.onFrame(nowNanos);
        filtering.onFrame();
        if (paused.get()) {
            newWhilePaused.set(Math.max(0, store.nextSequence() - shown.live().endPosition()));
        } else if (shown.onFrame(following.get(), false) && shown.showingMatches()) {
            filtering.summarize();
        }
        long received = store.nextSequence() - store.restoredCount();
        receivedCount.set(received);
        droppedCount.set(store.evictedCount() + inboundDropped.getAsLong());
        if (rateStartNanos == 0) {
            rateStartNanos = nowNanos;
            rateStartCount = received;
        } else if (nowNanos - rateStartNanos >= RATE_WINDOW_NANOS) {
            messagesPerSecond.set((received - rateStartCount) * 1e9 / (nowNanos - rateStartNanos));
            rateStartNanos = nowNanos;
            rateStartCount = received;
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
