package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands received messages to the history on a thread of its own. The pump offers each batch and returns
 * at once; the writer commits what gathered at least every {@code commitInterval} (so a crash loses at
 * most that much), in one transaction. Bounded: when the disk falls behind by more than
 * {@code maxPending} messages, new batches are dropped and counted, never queued without end, and the
 * log in memory still shows them.
 */
public final class HistoryWriter implements AutoCloseable {

    /** Where batches go: one call, one transaction. */
    @FunctionalInterface
    public interface Sink {
        void write(List<ReceivedMessage> messages, List<ConnectionMarker> markers) throws HistoryException;

        /** What the connection reported (CONNACK, SUBACK, errors...), kept beside the messages; nothing by default. */
        default void events(List<ConnectionEvent> events) throws HistoryException {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    private final Sink sink;
    private final int maxPending;
    private final long intervalNanos;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private List<ReceivedMessage> pending = new ArrayList<>();
    /** Connection events waiting at most: a connection that flaps keeps its history, not an unbounded list. */
    static final int MAX_EVENTS = 10_000;
    private List<ConnectionMarker> pendingMarkers = new ArrayList<>();
    private List<ConnectionEvent> pendingEvents = new ArrayList<>();
    private boolean running = true;
    private boolean flushAsked;
    private long written;
    private long dropped;
    private long flushes;
    private String problem = "";

    public HistoryWriter(String name, Sink sink, int maxPending, Duration commitInterval) {
        this.sink = sink;
        this.maxPending = maxPending;
        this.intervalNanos = commitInterval.toNanos();
        this.thread = new Thread(this::run, "history-writer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes a batch for the history; never blocks. Pump thread. */
    public void offer(List<ReceivedMessage> batch) {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            if (pending.size() + batch.size() > maxPending) {
                dropped += batch.size();
                return;
            }
            pending.addAll(batch);
        } finally {
            lock.unlock();
        }
    }

    /** The connection went down or came back; stored with the messages. Any thread. */
    public void mark(ConnectionMarker marker) {
        lock.lock();
        try {
            if (running) {
                pendingMarkers.add(marker);
            }
        } finally {
            lock.unlock();
        }
    }

    /** What the connection reported; kept with the messages (at most {@link #MAX_EVENTS} wait, the rest are counted). Any thread. */
    public void note(ConnectionEvent event) {
        lock.lock();
        try {
            if (running) {
                if (pendingEvents.size() < MAX_EVENTS) {
                    pendingEvents.add(event);
                } else {
                    dropped++;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is pending now and waits for it (a search that must see the newest messages). */
    public void flush(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long target = flushes + 1;
            flushAsked = true;
            changed.signalAll();
            long nanos = timeout.toNanos();
            while (flushes < target && running && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    public long writtenCount() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** Messages the history could not take (the disk fell behind, or a write failed). */
    public long droppedCount() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Why the last write failed, or empty. */
    public String problem() {
        lock.lock();
        try {
            return problem;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long nextCommit = System.nanoTime() + intervalNanos;
        while (true) {
            List<ReceivedMessage> messages;
            List<ConnectionMarker> markers;
            List<ConnectionEvent> events;
            boolean stopping;
            lock.lock();
            try {
                long wait = nextCommit - System.nanoTime();
                while (running && !flushAsked && wait > 0) {
                    wait = changed.awaitNanos(wait);
                }
                stopping = !running;
                flushAsked = false;
                messages = pending;
                markers = pendingMarkers;
                events = pendingEvents;
                pending = new ArrayList<>();
                pendingMarkers = new ArrayList<>();
                pendingEvents = new ArrayList<>();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            nextCommit = System.nanoTime() + intervalNanos;
            String failure = "";
            if (!events.isEmpty()) {
                try {
                    sink.events(events);
                } catch (HistoryException | RuntimeException e) {
                    LOG.warn("history events not written: {}", e.getMessage());
                }
            }
            if (!messages.isEmpty() || !markers.isEmpty()) {
                try {
                    sink.write(messages, markers);
                } catch (HistoryException | RuntimeException e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                    LOG.warn("history write failed: {}", failure);
                }
            }
            lock.lock();
            try {
                if (failure.isEmpty()) {
                    written += messages.size();
                } else {
                    dropped += messages.size();
                    problem = failure;
                }
                flushes++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (stopping) {
                return;
            }
        }
    }

    /** Writes what is pending, then stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
