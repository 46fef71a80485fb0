package io.mqttworkbench.ui.log;

import io.mqttworkbench.history.MatchedRows;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageStore;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Where the message table is: following the newest rows, paged back through memory, or reading stored rows
 * on the disk past memory's oldest; and jumps to a moment (the timeline's click). JavaFX thread.
 */
public final class LogPaging {
    private final ShownRows shown;
    private final BooleanProperty following;
    private final LogHistory stored;
    private final ReadOnlyIntegerWrapper rowToShow = new ReadOnlyIntegerWrapper(-1);

    LogPaging(ShownRows shown, MessageStore store, BooleanProperty following, Executor background, Executor ui, Consumer<String> problem) {
        this.shown = shown;
        this.following = following;
        this.stored = new LogHistory(store, shown, background, ui, problem, this::showRow);
    }

    /** The history, once open; null without one. */
    MessageHistory history() {
        return stored.get();
    }

    void onFrame(long nowNanos) {
        stored.onFrame(nowNanos);
    }

    /** A newer request makes one reading the disk moot. */
    void forget() {
        stored.forget();
    }

    /** "Rows 980,001–1,000,000 of 1,000,000" while the table shows part of them; empty otherwise. */
    public ReadOnlyStringProperty windowPositionProperty() {
        return shown.positionProperty();
    }

    public ReadOnlyBooleanProperty olderAvailableProperty() {
        return shown.olderAvailableProperty();
    }

    public ReadOnlyBooleanProperty newerAvailableProperty() {
        return shown.newerAvailableProperty();
    }

    /**
     * Keeps the log's reach into the profile's history on disk: paging past the oldest message in memory,
     * jumping to a moment before it, and searching, all read the history {@code source} gives (null while
     * there is none).
     */
    public void useHistory(Supplier<MessageHistory> source) {
        stored.use(source);
    }

    /**
     * Moves the table's window towards older rows (and stops following); returns how many came in at the top.
     * Past the oldest message in memory the stored rows open in the background: 0 now, and
     * {@link #rowToShowProperty()} says where to look once they are there.
     */
    public int showOlder() {
        following.set(false);
        if (!shown.showingMatches() && !shown.browsing() && shown.live().olderCount() == 0 && stored.get() != null) {
            stored.showOlderThanMemory();
            return 0;
        }
        return shown.showOlder();
    }

    /** Moves the table's window towards newer rows; returns how many rows left at the top. From the end of the stored rows, back to memory's. */
    public int showNewer() {
        following.set(false);
        if (shown.browsing() && shown.current().newerCount() == 0) {
            long end = shown.browsed().stored().newestMillis();
            leaveStoredRows();
            showRow(shown.showAt(end + 1));
            return 0;
        }
        return shown.showNewer();
    }

    /**
     * Shows the rows around the first message that arrived at or after {@code epochMillis} (the timeline's
     * click), and stops following; {@link #rowToShowProperty()} says which row, now or once read from the disk.
     */
    public void showAt(long epochMillis) {
        following.set(false);
        if (!shown.showingMatches() && !stored.inMemory(epochMillis)) {
            stored.showAt(epochMillis);
            return;
        }
        leaveStoredRows();
        RowWindow w = shown.current();
        if (w.source() instanceof HistoryRows rows && rows.storedCount() > 0 && epochMillis <= rows.stored().newestMillis()) {
            // a search on disk: where that moment falls among its matches is a binary search of their keys
            showRow(w.showAround(rows.stored() instanceof MatchedRows m ? m.positionAt(epochMillis) : 0));
            return;
        }
        showRow(shown.showAt(epochMillis));
    }

    /** Back to the newest rows, following them. */
    public void showNewest() {
        following.set(true);
        leaveStoredRows();
        shown.showNewest();
    }

    /** Back from the stored rows to memory's, if the table shows them. */
    void leaveStoredRows() {
        if (!shown.browsing()) {
            return;
        }
        stored.forget();
        shown.stopBrowsing();
    }

    /** Whether the table shows stored rows older than memory's. */
    public boolean showingStoredRows() {
        return shown.browsing();
    }

    private void showRow(int index) {
        rowToShow.set(-1);
        rowToShow.set(index);
    }

    /** The row the table should bring into view and select after a jump or a page into the disk; -1 between. */
    public ReadOnlyIntegerProperty rowToShowProperty() {
        return rowToShow.getReadOnlyProperty();
    }

}
