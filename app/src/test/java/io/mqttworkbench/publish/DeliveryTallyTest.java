package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {
    private final Random filler = new Random(1);

    private byte[] message(int client, long sequence, long sentNanos) {
        return new BenchPayload(client, sequence, sentNanos).toBytes(64, filler);
    }

    @Test
    void countsLossDuplicatesReorderingAndLatencyPerPublisher() {
        DeliveryTally tally = new DeliveryTally(2, 5);
        tally.record(message(0, 1, 0), 1_000_000);
        tally.record(message(0, 3, 0), 2_000_000);
        tally.record(message(0, 2, 0), 3_000_000); // after 3: out of order
        tally.record(message(0, 2, 0), 3_000_000); // again: a duplicate
        tally.record(message(1, 1, 0), 4_000_000);
        tally.record("not ours".getBytes(), 5_000_000);
        tally.record(message(7, 1, 0), 5_000_000); // a client this run does not have
        assertThat(tally.received()).isEqualTo(4);
        assertThat(tally.outOfOrder()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.foreign()).isEqualTo(2);
        assertThat(tally.lost(new long[] {5, 5})).isEqualTo(2 + 4);
        assertThat(tally.lost(new long[] {3, 1})).as("only what was sent can be lost").isZero();
        assertThat(tally.latency().count()).isEqualTo(4);
        assertThat(tally.latency().maxMillis()).isEqualTo(4.0);
    }

    @Test
    void theHeaderSurvivesAnySizeAndSomeoneElsesPayloadIsNotMistakenForIt() {
        byte[] bytes = new BenchPayload(3, 42, 123_456_789L).toBytes(10, filler);
        assertThat(bytes).hasSize(BenchPayload.HEADER_BYTES);
        assertThat(BenchPayload.parse(bytes)).contains(new BenchPayload(3, 42, 123_456_789L));
        assertThat(BenchPayload.parse(new byte[BenchPayload.HEADER_BYTES])).isEmpty();
        assertThat(BenchPayload.parse(new byte[3])).isEmpty();
    }
}
