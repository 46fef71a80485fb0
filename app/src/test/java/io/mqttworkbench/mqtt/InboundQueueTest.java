package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboundQueueTest {

    private static ReceivedMessage message(int payloadBytes) {
        return new ReceivedMessage("t", new byte[payloadBytes], 0, false, false, System.nanoTime(), System.currentTimeMillis(), null);
    }

    @Test
    void refusesWithoutBlockingWhenFullAndCountsWhatItRefused() {
        InboundQueue queue = new InboundQueue(3, Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            queue.offer(message(1));
        }
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.acceptedCount()).isEqualTo(3);
        assertThat(queue.droppedCount()).isEqualTo(2);
    }

    @Test
    void boundsQueuedPayloadBytesButNeverRefusesAMessageForItsSizeAlone() {
        InboundQueue queue = new InboundQueue(100, 1000);
        assertThat(queue.offer(message(5000))).isTrue(); // alone in the queue: taken
        assertThat(queue.offer(message(10))).isFalse();   // would exceed the budget
        List<ReceivedMessage> sink = new ArrayList<>();
        queue.drainTo(sink, 10);
        assertThat(queue.offer(message(600))).isTrue();
        assertThat(queue.offer(message(600))).isFalse();
        assertThat(queue.droppedCount()).isEqualTo(2);
    }

    @Test
    void drainsInBatchesAndWaitsForTheFirst() throws Exception {
        InboundQueue queue = new InboundQueue();
        List<ReceivedMessage> sink = new ArrayList<>();
        assertThat(queue.drainTo(sink, 10, 20, TimeUnit.MILLISECONDS)).isZero();
        for (int i = 0; i < 25; i++) {
            queue.offer(message(1));
        }
        assertThat(queue.drainTo(sink, 10, 1, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(queue.drainTo(sink, 100)).isEqualTo(15);
        assertThat(sink).hasSize(25);
    }
}
