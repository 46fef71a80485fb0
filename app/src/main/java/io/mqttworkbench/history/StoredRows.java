package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.List;

/**
 * Stored messages numbered by position, 0 the oldest: what a view scrolls through a block at a time. Every
 * row of the history ({@link AllStoredRows}), or what a search found ({@link MatchedRows}). Positions are
 * fixed when the rows are made; reads are off the JavaFX thread.
 */
public sealed interface StoredRows permits AllStoredRows, MatchedRows {

    /** How many positions there are. */
    long size();

    /**
     * The rows at {@code [position, position + count)} clipped to the size, oldest first; a null stands for
     * a row removed since (by retention or a clear).
     */
    List<ReceivedMessage> read(long position, int count) throws HistoryException;

    /** The position of the first row that arrived at or after {@code epochMillis}; {@link #size()} when none did. */
    long positionAt(long epochMillis) throws HistoryException;

    /** The arrival time of the newest row, or -1 with none. */
    long newestMillis();
}
