package io.mqttworkbench.testsupport;

import io.mqttworkbench.mqtt.InboundQueue;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waiting for messages in tests, without sleeps. */
public final class Messages {
    private Messages() {
    }

    /** Waits until {@code count} messages matching {@code filter} arrived, or fails after {@code timeout}. */
    public static List<ReceivedMessage> await(InboundQueue queue, int count, Predicate<ReceivedMessage> filter, Duration timeout)
            throws InterruptedException {
        List<ReceivedMessage> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedMessage> batch = new ArrayList<>();
        while (matching.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " messages within " + timeout.toMillis() + " ms, got "
                        + matching.size() + (matching.isEmpty() ? "" : "; the last: " + matching.get(matching.size() - 1)));
            }
            batch.clear();
            queue.drainTo(batch, 10_000, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            for (ReceivedMessage m : batch) {
                if (filter.test(m)) {
                    matching.add(m);
                }
            }
        }
        return matching;
    }

    public static ReceivedMessage awaitOne(InboundQueue queue, String topic) throws InterruptedException {
        return await(queue, 1, m -> m.topic().equals(topic), Duration.ofSeconds(10)).get(0);
    }

    /** Collects whatever arrives during {@code window}. */
    public static List<ReceivedMessage> collect(InboundQueue queue, Duration window) throws InterruptedException {
        List<ReceivedMessage> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            queue.drainTo(all, 10_000, left, TimeUnit.NANOSECONDS);
        }
        return all;
    }
}
