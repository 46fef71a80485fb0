package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
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
    private QueryRows matches;
    private final ReadOnlyObjectWrapper<ObservableList<ReceivedMessage>> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper olderAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper newerAvailable = new ReadOnlyBooleanWrapper();
    private long describedTotal = -1;
    private long describedOffset = -1;
    private int describedSize = -1;

    ShownRows(MessageStore store, int capacity) {
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

    /** The window the table shows now: onto a query's matches, or onto every message. */
    RowWindow current() {
        return result != null ? result : live;
    }

    void showMatches(QueryRows found, boolean following) {
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
        rows.set(live);
        describe();
    }

    /** How many messages the query found that the store still holds; 0 without a query. */
    long matchCount() {
        return matches == null ? 0 : matches.count();
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
        olderAvailable.set(w.olderCount() > 0);
        newerAvailable.set(w.newerCount() > 0);
        if (total == describedTotal && offset == describedOffset && w.size() == describedSize) {
            return; // once per frame: no new text unless the numbers moved
        }
        describedTotal = total;
        describedOffset = offset;
        describedSize = w.size();
        position.set(total <= w.size() ? ""
                : String.format(Locale.ROOT, "Rows %,d–%,d of %,d", offset + 1, offset + w.size(), total));
    }
}
