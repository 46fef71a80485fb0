package io.mqttworkbench.ui.log;

import io.mqttworkbench.mqtt.ReceivedMessage;

/**
 * Rows a {@link RowWindow} can show: every message of the store, or those a query found. Rows are numbered
 * by a position that never changes for a row: {@code [first(), end())} are the rows there are now.
 */
public interface RowSource {
    long first();

    long end();

    /** The row at a position; {@link RowWindow#EVICTED} when the store has dropped it since. */
    ReceivedMessage at(long position);

    /** The store's sequence number of the row at a position. */
    long sequenceAt(long position);

    /** Takes in what arrived since the last call. JavaFX thread, once per frame. */
    void refresh();
}
