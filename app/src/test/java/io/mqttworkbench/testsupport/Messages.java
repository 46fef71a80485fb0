package io.mqttworkbench.testsupport;

import io.mqttworkbench.mqtt.InboundQueue;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Messages for tests, and waiting for them without sleeps. */
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

    /** A UTF-8 message as if received at {@code atMillis} (its nanoTime derived from it), QoS 1, no properties. */
    public static ReceivedMessage at(String topic, String payload, long atMillis) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, atMillis * 1_000_000L, atMillis,
                MessageProperties.NONE);
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
