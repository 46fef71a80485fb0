package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.Texts;
import java.util.AbstractList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * Which rows the message table shows: a {@link RowWindow} onto every message or onto a query's matches,
 * following the newest or held where the user moved it, and a line saying which part of how many that is.
 * JavaFX thread.
 */
public final class ShownRows {
    private final RowWindow live;
    private final int capacity;
    private RowWindow result;
    private RowSource matches;
    /** Stored rows older than memory's, while the user reads them; null otherwise. */
    private RowWindow browsing;
    /** How many stored messages are older than the oldest in memory: there is more to read on disk. */
    private long olderOnDisk;
    private final ReadOnlyObjectWrapper<ObservableList<ReceivedMessage>> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper olderAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper newerAvailable = new ReadOnlyBooleanWrapper();

    private final Texts texts;

    ShownRows(MessageStore store, int capacity, Texts texts) {
        this.texts = texts;
        this.capacity = capacity;
        this.live = new RowWindow(new StoreRows(store), capacity);
        rows.set(live);
    }

    ReadOnlyObjectProperty<ObservableList<ReceivedMessage>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The window onto every message. */
    RowWindow live() {
        return live;
    }

    /** The window the table shows now: onto a query's matches, onto stored rows older than memory's, or onto every message. */
    RowWindow current() {
        return result != null ? result : browsing != null ? browsing : live;
    }

    void showMatches(RowSource found, boolean following) {
        matches = found;
        result = new RowWindow(found, capacity);
        result.setFollowing(following);
        result.refresh();
        rows.set(result);
        describe();
    }

    void showEverything() {
        matches = null;
        result = null;
        browsing = null;
        rows.set(live);
        describe();
    }

    /**
     * Shows stored rows from the disk, the window ending at {@code endPosition} (the rows just older than
     * memory's, or those around a moment); returns the index of the window's last row.
     */
    int browse(HistoryRows stored, long endPosition) {
        browsing = new RowWindow(stored, capacity);
        int index = browsing.showEndingAt(endPosition);
        if (result == null) {
            rows.set(browsing);
        }
        describe();
        return index;
    }

    /** Reading stored rows older than memory's. */
    boolean browsing() {
        return browsing != null && result == null;
    }

    /** The stored rows being read, or null. */
    HistoryRows browsed() {
        return browsing == null ? null : (HistoryRows) browsing.source();
    }

    /** Back from the stored rows to memory's. */
    void stopBrowsing() {
        browsing = null;
        rows.set(current());
        describe();
    }

    void setOlderOnDisk(long count) {
        olderOnDisk = count;
        describe();
    }

    /** How many messages the query found that are still there; 0 without a query. */
    long matchCount() {
        if (matches == null) {
            return 0;
        }
        return matches instanceof QueryRows q ? q.count() : matches.end() - matches.first();
    }

    boolean showingMatches() {
        return result != null;
    }

    /** Once per frame: takes in what arrived (unless paused) and follows the newest rows if asked to. */
    boolean onFrame(boolean following, boolean paused) {
        if (paused) {
            return false;
        }
        live.setFollowing(following);
        boolean changed = live.refresh();
        if (browsing != null) {
            browsing.refresh();
        }
        if (result != null) {
            result.setFollowing(following);
            changed |= result.refresh();
        }
        describe();
        return changed;
    }

    /** Rows before the window come into view at the top; returns how many. */
    int showOlder() {
        int added = current().showOlder();
        describe();
        return added;
    }

    /** Rows after the window come into view at the bottom; returns how many left at the top. */
    int showNewer() {
        int removed = current().showNewer();
        describe();
        return removed;
    }

    /** The rows around the first one that arrived at or after {@code epochMillis}; returns its index, or -1 with no rows. */
    int showAt(long epochMillis) {
        RowWindow window = current();
        if (window.total() == 0) {
            return -1;
        }
        int index = window.showAround(window.positionAt(epochMillis));
        describe();
        return index;
    }

    void showNewest() {
        current().showNewest();
        describe();
    }

    /** Every row of the current source, not only the window's: what "export all shown" means. A snapshot of positions. */
    List<ReceivedMessage> everything() {
        RowSource source = current().source();
        if (source instanceof HistoryRows stored) {
            return stored.everything();
        }
        long first = source.first();
        int count = (int) Math.min(Integer.MAX_VALUE, source.end() - first);
        return new AbstractList<>() {
            @Override
            public ReceivedMessage get(int index) {
                return source.at(first + index);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** "Rows 980,001–1,000,000 of 1,000,000" while the window shows part of the rows; empty while it shows all. */
    ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty olderAvailableProperty() {
        return olderAvailable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty newerAvailableProperty() {
        return newerAvailable.getReadOnlyProperty();
    }

    private void describe() {
        RowWindow w = current();
        long total = w.total();
        long offset = w.offset();
        boolean memory = w == live;
        olderAvailable.set(w.olderCount() > 0 || memory && olderOnDisk > 0);
        newerAvailable.set(w.newerCount() > 0 || w == browsing);
        String text;
        if (w == browsing) {
            text = texts.format("log.window.rows.disk", offset + 1, offset + w.size(), total);
        } else {
            text = total <= w.size() ? "" : texts.format("log.window.rows", offset + 1, offset + w.size(), total);
            if (memory && olderOnDisk > 0) {
                text = (text.isEmpty() ? "" : text + " · ") + texts.format("log.window.older.disk", olderOnDisk);
            }
        }
        if (!text.equals(position.get())) {
            position.set(text);
        }
    }
}
