package io.mqttworkbench.ui.log;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageSearch;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.Texts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the log's searches in the background: over the history on disk when the profile keeps one (days of
 * messages, with progress, and a cancel that keeps what was found), otherwise over the messages in memory.
 * Either way the result stays live: matches that arrive later are added as they come. JavaFX thread, except
 * the search itself.
 */
final class LogSearch {
    /** Matches a search on disk keeps at most (the newest): 40 MB of keys. */
    static final int MAX_STORED_MATCHES = 5_000_000;

    /**
     * What a search found: the rows to show, and for a search on disk what it looked at.
     *
     * @param stored the search on disk, or null when it ran in memory
     */
    record Found(MessageQuery query, RowSource rows, HistorySearch.Result stored) {
    }

    private final MessageStore store;
    private final DecoderRegistry decoders;
    private final Executor background;
    private final Executor ui;
    private final Supplier<MessageHistory> history;
    private final Consumer<String> readFailure;
    private final Texts texts;
    private final AtomicLong scanned = new AtomicLong();
    private volatile long total;
    private int generation;
    private AtomicBoolean stop = new AtomicBoolean();
    private boolean running;
    private boolean onDisk;

    LogSearch(MessageStore store, DecoderRegistry decoders, Executor background, Executor ui, Supplier<MessageHistory> history,
              Consumer<String> readFailure, Texts texts) {
        this.texts = texts;
        this.store = store;
        this.decoders = decoders;
        this.background = background;
        this.ui = ui;
        this.history = history;
        this.readFailure = readFailure;
    }

    /** Starts a search (a running one is dropped); {@code done} gets the rows, or {@code failed} why not. */
    void start(MessageQuery query, Consumer<Found> done, Consumer<String> failed) {
        int mine = ++generation;
        stop.set(true);
        AtomicBoolean myStop = new AtomicBoolean();
        stop = myStop;
        scanned.set(0);
        total = 0;
        running = true;
        MessageHistory stored = history.get();
        onDisk = stored != null;
        Predicate<ReceivedMessage> matcher = MessageSearch.matcher(query, decoders);
        CompletableFuture<Found> search = stored != null
                ? CompletableFuture.supplyAsync(() -> onDisk(stored, query, matcher, myStop), background)
                : CompletableFuture.supplyAsync(() -> inMemory(query, matcher, () -> myStop.get()), background);
        search.whenCompleteAsync((found, error) -> {
            if (mine != generation) {
                return; // a newer search, or none, replaced it
            }
            running = false;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                failed.accept(texts.format("log.search.failed", cause.getMessage()));
            } else {
                done.accept(withLiveTail(found, matcher));
            }
        }, ui);
    }

    private Found onDisk(MessageHistory stored, MessageQuery query, Predicate<ReceivedMessage> matcher, AtomicBoolean myStop) {
        try {
            HistorySearch.Result result = new HistorySearch(stored, background).run(query, matcher, MAX_STORED_MATCHES, (n, of) -> {
                scanned.set(n);
                total = of;
            }, myStop::get);
            return new Found(query, null, result);
        } catch (HistoryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Found inMemory(MessageQuery query, Predicate<ReceivedMessage> matcher, java.util.function.BooleanSupplier cancelled) {
        total = store.size();
        MessageSearch.Result found = MessageSearch.run(store, query, decoders, cancelled);
        scanned.set(found.scanned());
        return new Found(query, new QueryRows(store, found.sequences(), found.upTo(), matcher), null);
    }

    /** Adds the matches that arrive from now on: for a search on disk, those in memory the disk did not have yet. */
    private Found withLiveTail(Found found, Predicate<ReceivedMessage> matcher) {
        if (found.stored() == null) {
            return found;
        }
        long from = firstSequenceAfter(found.stored().upToKey());
        RowSource tail = new QueryRows(store, new long[0], from, matcher);
        return new Found(found.query(), new HistoryRows(found.stored().rows(), tail, background, ui, readFailure), found.stored());
    }

    /** The first message in memory stored under a later key than {@code key} (not on disk when the search began). */
    private long firstSequenceAfter(long key) {
        long low = store.firstSequence();
        long high = store.nextSequence();
        while (low < high) {
            long mid = (low + high) >>> 1;
            ReceivedMessage m = store.get(mid);
            if (m != null && MessageHistory.timeKey(m) <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Stops the running search: it ends with what it found so far. */
    void cancel() {
        stop.set(true);
    }

    /** Forgets the running search: its result will not be shown. */
    void drop() {
        generation++;
        stop.set(true);
        running = false;
    }

    boolean running() {
        return running;
    }

    /** How far the running search is, 0 to 1; -1 while it cannot tell. */
    double progress() {
        long of = onDisk ? total : store.size();
        return of <= 0 ? -1 : Math.min(1, scanned.get() / (double) of);
    }

    /** "Searching 3,400,000 of 10,000,000 stored messages…" */
    String progressText() {
        return texts.format(onDisk ? "log.search.progress.disk" : "log.search.progress", scanned.get(), onDisk ? total : store.size());
    }

    /** "1,204 of 10,000,000 stored messages match", with what the search left out. */
    String summary(Found found, long matches) {
        HistorySearch.Result r = found.stored();
        if (r == null) {
            return null;
        }
        String s = texts.format("log.search.matches.disk", matches, r.total());
        if (r.capped()) {
            return texts.format("log.search.capped", s, r.rows().size());
        }
        return r.cancelled() ? texts.format("log.search.cancelled", s, r.scanned()) : s;
    }
}
