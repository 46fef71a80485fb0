package io.mqttworkbench.ui.log;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * What the message table shows: a window of at most {@code capacity} consecutive rows of a {@link RowSource}
 * (the store, or a query's matches), as a read-only observable list that holds no copies. While following,
 * the window is the newest rows; otherwise it stays where the user put it, and {@link #showOlder()} and
 * {@link #showNewer()} move it by half its length.
 *
 * <p>Why a window: JavaFX 21's virtual flow walks every row from the first to the one in view on each
 * layout, even with a fixed row height, so a table of a million rows spends most of each frame counting.
 * With a window of a few tens of thousands the cost is that of the window, however long the log grows.
 * {@link #refresh()} (once per frame) reports what arrived and what fell out as one change.
 */
public final class RowWindow extends ObservableListBase<ReceivedMessage> {

    /** Rows the table shows at once: several thousand screens, and a layout in well under a millisecond. */
    static final int DEFAULT_CAPACITY = 20_000;

    /** Stands in for a row the store evicted between two frames; replaced at the next refresh. The table says so (log.row.dropped). */
    static final ReceivedMessage EVICTED = new ReceivedMessage("", new byte[0], 0, false, false, 0, 0,
            MessageProperties.NONE);

    /** Whether a row stands in for one that is not there: dropped, or still being read from the disk. */
    static boolean isPlaceholder(ReceivedMessage m) {
        return m == EVICTED || m == HistoryRows.LOADING;
    }

    private final RowSource source;
    private final int capacity;
    private long start;
    private long end;
    private boolean following = true;

    RowWindow(RowSource source, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a window holds at least two rows");
        }
        this.source = source;
        this.capacity = capacity;
        this.end = source.end();
        this.start = Math.max(source.first(), end - capacity);
        if (source instanceof HistoryRows stored) {
            stored.onArrival(this::arrived);
        }
    }

    /** Rows read from the disk replace their placeholders, where the window shows them. */
    private void arrived(long from, long to) {
        long a = Math.max(from, start);
        long b = Math.min(to, end);
        if (a < b) {
            beginChange();
            nextReplace((int) (a - start), (int) (b - start), placeholders((int) (b - a)));
            endChange();
        }
    }

    @Override
    public ReceivedMessage get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return source.at(start + index);
    }

    @Override
    public int size() {
        return (int) (end - start);
    }

    RowSource source() {
        return source;
    }

    /** The store's sequence number of the row at {@code index}. */
    long sequenceAt(int index) {
        return source.sequenceAt(start + index);
    }

    /** The position after the last row shown: for the store, the sequence number the next row will have. */
    long endPosition() {
        return end;
    }

    /** The position of the first row shown, counted from the oldest row the source holds (0-based). */
    long offset() {
        return start - source.first();
    }

    /** Rows the source holds in all, shown or not. */
    long total() {
        return source.end() - source.first();
    }

    long olderCount() {
        return Math.max(0, start - source.first());
    }

    long newerCount() {
        return Math.max(0, source.end() - end);
    }

    boolean following() {
        return following;
    }

    /** Following: the window is the newest rows. Not following: it stays put (and fills up to its capacity). */
    void setFollowing(boolean value) {
        following = value;
    }

    /** Takes in what arrived and what fell out since the last call; true when rows changed. JavaFX thread. */
    boolean refresh() {
        source.refresh();
        long first = source.first();
        long last = source.end();
        if (following) {
            return moveTo(Math.max(first, last - capacity), last);
        }
        long newStart = Math.min(Math.max(start, first), last);
        return moveTo(newStart, Math.min(last, newStart + capacity));
    }

    /** Moves the window half its length towards older rows; returns how many rows came in at the top. */
    int showOlder() {
        following = false;
        long first = source.first();
        long newStart = Math.max(first, start - capacity / 2);
        long before = start;
        moveTo(newStart, Math.min(source.end(), newStart + capacity));
        return (int) Math.max(0, before - newStart);
    }

    /** Moves the window half its length towards newer rows; returns how many rows left at the top. */
    int showNewer() {
        following = false;
        long last = source.end();
        long newEnd = Math.min(last, end + capacity / 2);
        long newStart = Math.max(source.first(), newEnd - capacity);
        long before = start;
        moveTo(newStart, newEnd);
        return (int) Math.max(0, newStart - before);
    }

    /**
     * The position of the first row that arrived at or after {@code epochMillis} (the source's end when none
     * did). Rows are in arrival order, so a binary search finds it in a few dozen reads.
     */
    long positionAt(long epochMillis) {
        return positionAt(epochMillis, source.first());
    }

    /** As {@link #positionAt(long)}, among the rows from {@code low} on. */
    long positionAt(long epochMillis, long low) {
        long high = source.end();
        while (low < high) {
            long mid = (low + high) >>> 1;
            ReceivedMessage m = source.at(mid);
            if (m != null && m != EVICTED && m != HistoryRows.LOADING && m.receivedEpochMillis() < epochMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Stops following and puts the window around {@code position}; returns that row's index in the window. */
    int showAround(long position) {
        following = false;
        long first = source.first();
        long last = source.end();
        long target = Math.max(first, Math.min(position, last - 1));
        long newStart = Math.max(first, Math.min(target - capacity / 2, last - capacity));
        moveTo(newStart, Math.min(last, newStart + capacity));
        return (int) Math.max(0, target - start);
    }

    /** Stops following and puts the window so that it ends at {@code position} (exclusive); returns its last row's index. */
    int showEndingAt(long position) {
        following = false;
        long first = source.first();
        long last = source.end();
        long newEnd = Math.max(first, Math.min(position, last));
        long newStart = Math.max(first, newEnd - capacity);
        moveTo(newStart, Math.min(last, newStart + capacity));
        return Math.max(0, (int) (newEnd - start) - 1);
    }

    /** Back to the newest rows, following them. */
    void showNewest() {
        following = true;
        refresh();
    }

    /** One change for the rows that left and came, front and back, in the order observers need. */
    private boolean moveTo(long newStart, long newEnd) {
        if (newStart == start && newEnd == end) {
            return false;
        }
        long oldStart = start;
        long oldEnd = end;
        int oldSize = size();
        start = newStart;
        end = newEnd;
        beginChange();
        if (newStart >= oldEnd || newEnd <= oldStart) {
            if (oldSize > 0) {
                nextRemove(0, placeholders(oldSize));
            }
            if (size() > 0) {
                nextAdd(0, size());
            }
        } else {
            if (newStart > oldStart) {
                nextRemove(0, placeholders((int) (newStart - oldStart)));
            } else if (newStart < oldStart) {
                nextAdd(0, (int) (oldStart - newStart));
            }
            int keptEnd = (int) (Math.min(oldEnd, newEnd) - newStart);
            if (newEnd > oldEnd) {
                nextAdd(keptEnd, size());
            } else if (newEnd < oldEnd) {
                nextRemove(keptEnd, placeholders((int) (oldEnd - newEnd)));
            }
        }
        endChange();
        return true;
    }

    private static List<ReceivedMessage> placeholders(int count) {
        return new AbstractList<>() {
            @Override
            public ReceivedMessage get(int index) {
                return EVICTED;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }
}
