package io.mqttworkbench.ui.log;

import io.mqttworkbench.history.AllStoredRows;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * How the log reaches past memory into the history on disk: it knows how many stored messages are older than
 * the oldest in memory, and opens the stored rows when the user pages or jumps back that far. JavaFX thread;
 * the disk is read in the background.
 */
final class LogHistory {
    private static final long CHECK_NANOS = 2_000_000_000L;

    private final MessageStore store;
    private final ShownRows shown;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> problem;
    private final IntConsumer showRow;
    private Supplier<MessageHistory> history = () -> null;
    private boolean checking;
    private long checkedNanos;
    private int generation;

    /**
     * @param problem told why the disk could not be read
     * @param showRow told which row of the table to bring into view once stored rows are shown
     */
    LogHistory(MessageStore store, ShownRows shown, Executor background, Executor ui, Consumer<String> problem, IntConsumer showRow) {
        this.store = store;
        this.shown = shown;
        this.background = background;
        this.ui = ui;
        this.problem = problem;
        this.showRow = showRow;
    }

    void use(Supplier<MessageHistory> source) {
        history = source;
    }

    /** The history, once open; null without one. */
    MessageHistory get() {
        return history.get();
    }

    /** Every two seconds: how many stored messages are older than memory's oldest (what "Older" can still show). */
    void onFrame(long nowNanos) {
        MessageHistory h = get();
        if (h == null || checking || nowNanos - checkedNanos < CHECK_NANOS) {
            return;
        }
        checking = true;
        checkedNanos = nowNanos;
        long before = oldestInMemoryKey();
        CompletableFuture.supplyAsync(() -> {
            try {
                return AllStoredRows.countBeforeKey(h, before);
            } catch (HistoryException e) {
                return 0L;
            }
        }, background).whenCompleteAsync((count, error) -> {
            checking = false;
            shown.setOlderOnDisk(error == null ? count : 0);
        }, ui);
    }

    /** When the oldest message in memory arrived; now when there is none. */
    private long oldestInMemoryMillis() {
        ReceivedMessage oldest = store.size() == 0 ? null : store.get(store.firstSequence());
        return oldest == null ? System.currentTimeMillis() + 1 : oldest.receivedEpochMillis();
    }

    /** The key the oldest message in memory is stored under on disk (or would be); past now when there is none. */
    private long oldestInMemoryKey() {
        ReceivedMessage oldest = store.size() == 0 ? null : store.get(store.firstSequence());
        return oldest == null ? (System.currentTimeMillis() + 1) * 1000 : MessageHistory.timeKey(oldest);
    }

    /** Whether memory holds messages from {@code epochMillis} on: then the live rows can show that moment. */
    boolean inMemory(long epochMillis) {
        return get() == null || store.size() > 0 && oldestInMemoryMillis() <= epochMillis;
    }

    /** Shows the stored rows just older than the oldest in memory. */
    void showOlderThanMemory() {
        long before = oldestInMemoryKey();
        open(rows -> rows.positionAtKey(before), (rows, position) -> shown.browse(rows, position));
    }

    /** Shows the stored rows around {@code epochMillis}. */
    void showAt(long epochMillis) {
        open(rows -> rows.positionAt(epochMillis), (rows, position) -> {
            shown.browse(rows, Math.min(rows.end(), position + RowWindow.DEFAULT_CAPACITY / 2));
            return shown.current().size() == 0 ? -1 : (int) Math.max(0, Math.min(position, rows.end() - 1) - shown.current().offset());
        });
    }

    private interface Position {
        long of(AllStoredRows rows) throws HistoryException;
    }

    private interface Show {
        int show(HistoryRows rows, long position);
    }

    private void open(Position position, Show show) {
        MessageHistory h = get();
        if (h == null) {
            return;
        }
        int mine = ++generation;
        HistoryRows current = shown.browsed();
        record Opened(AllStoredRows rows, long position) {
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                // reuse the rows being read: their positions stay where the user left them
                AllStoredRows rows = current != null && current.stored() instanceof AllStoredRows all ? all : AllStoredRows.of(h);
                return new Opened(rows, position.of(rows));
            } catch (HistoryException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).whenCompleteAsync((opened, error) -> {
            if (mine != generation) {
                return;
            }
            if (error != null) {
                problem.accept((error.getCause() != null ? error.getCause() : error).getMessage());
                return;
            }
            HistoryRows rows = current != null && current.stored() == opened.rows() ? current
                    : new HistoryRows(opened.rows(), null, background, ui, problem);
            showRow.accept(show.show(rows, opened.position()));
        }, ui);
    }

    /** A newer request, or leaving the stored rows, makes one in flight moot. */
    void forget() {
        generation++;
    }
}
