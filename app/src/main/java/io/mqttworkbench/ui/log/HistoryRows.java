package io.mqttworkbench.ui.log;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.StoredRows;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.AbstractList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Rows read from the history on disk, then (for a search) the matches that arrived since, from memory. The
 * table asks for rows on the JavaFX thread, which never reads the disk: a row not read yet shows as
 * {@link #LOADING} while its block is read in the background, and the window is told when it arrives.
 * Blocks read lately are kept; older ones are forgotten and read again when needed.
 */
final class HistoryRows implements RowSource {

    /** Stands in for a row while it is read from the disk; the table says so in words (log.row.loading). */
    static final ReceivedMessage LOADING = new ReceivedMessage("", new byte[0], 0, false, false, 0, 0,
            MessageProperties.NONE);

    /** Rows read at once: one short query, a few screens. */
    static final int BLOCK = 500;
    /** Rows an export reads at once. */
    private static final int EXPORT_CHUNK = 5_000;
    /** Blocks kept: twice a window's rows, so what the table shows is never forgotten under it. */
    private static final int KEPT_BLOCKS = 2 * RowWindow.DEFAULT_CAPACITY / BLOCK;

    private final StoredRows stored;
    private final RowSource tail;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> failure;
    private final Map<Long, ReceivedMessage[]> blocks = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ReceivedMessage[]> eldest) {
            return size() > KEPT_BLOCKS;
        }
    };
    private final Set<Long> reading = new HashSet<>();
    private RowsArrived arrived = (from, to) -> { };
    /** The block the table asked for last: reads far from it by the time they start are skipped. */
    private volatile long wantedBlock;

    /** Told which positions arrived from the disk. */
    interface RowsArrived {
        void rows(long from, long to);
    }

    /**
     * @param tail rows after the stored ones (a search's matches that arrived since it ran), or null
     * @param failure told, on the JavaFX thread, why rows could not be read
     */
    HistoryRows(StoredRows stored, RowSource tail, Executor background, Executor ui, Consumer<String> failure) {
        this.stored = stored;
        this.tail = tail;
        this.background = background;
        this.ui = ui;
        this.failure = failure;
    }

    StoredRows stored() {
        return stored;
    }

    /** How many rows come from the disk; positions from here on are the tail's. */
    long storedCount() {
        return stored.size();
    }

    void onArrival(RowsArrived listener) {
        arrived = listener;
    }

    @Override
    public long first() {
        return 0;
    }

    @Override
    public long end() {
        return stored.size() + (tail == null ? 0 : tail.end());
    }

    @Override
    public ReceivedMessage at(long position) {
        long size = stored.size();
        if (position >= size) {
            return tail.at(position - size);
        }
        long block = position / BLOCK;
        ReceivedMessage[] rows = blocks.get(block);
        if (rows == null) {
            read(block);
            rows = blocks.get(block); // there already when the executors run in place (tests)
            if (rows == null) {
                return LOADING;
            }
        }
        ReceivedMessage row = rows[(int) (position - block * BLOCK)];
        return row == null ? RowWindow.EVICTED : row;
    }

    /** A row only if it is read already: what a search through positions can use without waiting. */
    boolean isRead(long position) {
        return position >= stored.size() || blocks.containsKey(position / BLOCK);
    }

    @Override
    public long sequenceAt(long position) {
        long size = stored.size();
        return position >= size ? tail.sequenceAt(position - size) : -1;
    }

    @Override
    public void refresh() {
        if (tail != null) {
            tail.refresh();
        }
    }

    /**
     * Every row, read from the disk as it is walked in order: for an export, on a background thread (never
     * the JavaFX one). A read that fails ends the walk with an {@link java.io.UncheckedIOException}.
     */
    List<ReceivedMessage> everything() {
        long storedSize = stored.size();
        int count = (int) Math.min(Integer.MAX_VALUE, end());
        return new AbstractList<>() {
            private long chunkStart = -1;
            private List<ReceivedMessage> chunk = List.of();

            @Override
            public ReceivedMessage get(int index) {
                if (index >= storedSize) {
                    return tail.at(index - storedSize);
                }
                if (index < chunkStart || index >= chunkStart + chunk.size()) {
                    try {
                        chunk = stored.read(index, EXPORT_CHUNK);
                        chunkStart = index;
                    } catch (HistoryException e) {
                        throw new java.io.UncheckedIOException(new java.io.IOException(e.getMessage(), e));
                    }
                }
                ReceivedMessage row = index - chunkStart < chunk.size() ? chunk.get((int) (index - chunkStart)) : null;
                return row == null ? RowWindow.EVICTED : row;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private void read(long block) {
        wantedBlock = block;
        if (!reading.add(block)) {
            return;
        }
        background.execute(() -> {
            if (Math.abs(block - wantedBlock) > KEPT_BLOCKS / 2) {
                ui.execute(() -> reading.remove(block)); // scrolled far past it meanwhile: read it if it comes back
                return;
            }
            try {
                List<ReceivedMessage> rows = stored.read(block * BLOCK, BLOCK);
                ReceivedMessage[] array = rows.toArray(new ReceivedMessage[0]);
                ui.execute(() -> {
                    reading.remove(block);
                    blocks.put(block, array);
                    arrived.rows(block * BLOCK, block * BLOCK + array.length);
                });
            } catch (HistoryException e) {
                ui.execute(() -> {
                    reading.remove(block);
                    blocks.put(block, new ReceivedMessage[BLOCK]); // shown as dropped rather than read again and again
                    arrived.rows(block * BLOCK, block * BLOCK + BLOCK);
                    failure.accept(e.getMessage());
                });
            }
        });
    }
}
