package io.mqttworkbench.mqtt;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hand-over between the client's callback thread and whoever consumes messages. {@link #offer}
 * never blocks: when the consumer has fallen so far behind that the queue is full (by count or by
 * payload bytes) the message is refused and counted, so the loss is reported, never silent.
 */
public final class InboundQueue {

    public static final int DEFAULT_CAPACITY = 262_144;
    /** 256 MiB, or an eighth of the heap when that is smaller: a lagging consumer must not exhaust memory. */
    public static final long DEFAULT_BYTE_BUDGET = Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);

    private final ArrayBlockingQueue<ReceivedMessage> queue;
    private final long byteBudget;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public InboundQueue(int capacity, long byteBudget) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.byteBudget = byteBudget;
    }

    public InboundQueue() {
        this(DEFAULT_CAPACITY, DEFAULT_BYTE_BUDGET);
    }

    /** Adds without blocking; false (and counted as dropped) when the consumer cannot keep up. */
    public boolean offer(ReceivedMessage message) {
        long size = message.payloadSize();
        // A single message larger than the budget is still taken when the queue is empty: never refuse a payload for its size alone.
        if (queuedBytes.get() + size > byteBudget && !queue.isEmpty()) {
            dropped.increment();
            return false;
        }
        if (!queue.offer(message)) {
            dropped.increment();
            return false;
        }
        queuedBytes.addAndGet(size);
        accepted.increment();
        return true;
    }

    /**
     * Moves up to {@code max} messages into {@code sink}, waiting up to {@code timeout} for the first one.
     * Returns how many were moved.
     */
    public int drainTo(Collection<? super ReceivedMessage> sink, int max, long timeout, TimeUnit unit) throws InterruptedException {
        ReceivedMessage first = queue.poll(timeout, unit);
        if (first == null) {
            return 0;
        }
        sink.add(first);
        long bytes = first.payloadSize();
        int moved = 1;
        ReceivedMessage next;
        while (moved < max && (next = queue.poll()) != null) {
            sink.add(next);
            bytes += next.payloadSize();
            moved++;
        }
        queuedBytes.addAndGet(-bytes);
        return moved;
    }

    /** Moves what is queued now, up to {@code max}, without waiting. */
    public int drainTo(Collection<? super ReceivedMessage> sink, int max) {
        try {
            return drainTo(sink, max, 0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public int size() {
        return queue.size();
    }

    public long acceptedCount() {
        return accepted.sum();
    }

    public long droppedCount() {
        return dropped.sum();
    }
}
