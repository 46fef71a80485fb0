package io.mqttworkbench.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageStoreTest {

    private static ReceivedMessage message(String payload) {
        return new ReceivedMessage("t", payload.getBytes(StandardCharsets.UTF_8), 0, false, false, 0, 0, null);
    }

    @Test
    void keepsArrivalOrderAndNumbersMessages() {
        MessageStore store = new MessageStore(10, 1000);
        for (int i = 0; i < 5; i++) {
            store.append(message("m" + i));
        }
        assertThat(store.firstSequence()).isZero();
        assertThat(store.nextSequence()).isEqualTo(5);
        assertThat(new String(store.get(3).payload(), StandardCharsets.UTF_8)).isEqualTo("m3");
        assertThat(store.get(5)).isNull();
    }

    @Test
    void evictsTheOldestAtTheCountCapAndCountsThem() {
        MessageStore store = new MessageStore(3, 1000);
        for (int i = 0; i < 10; i++) {
            store.append(message("m" + i));
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.firstSequence()).isEqualTo(7);
        assertThat(store.evictedCount()).isEqualTo(7);
        assertThat(store.get(6)).isNull();
        assertThat(new String(store.get(9).payload(), StandardCharsets.UTF_8)).isEqualTo("m9");
    }

    @Test
    void evictsAtTheByteCapButKeepsAnOversizedMessageAlone() {
        MessageStore store = new MessageStore(100, 10);
        store.append(message("12345"));
        store.append(message("67890"));
        store.append(message("x"));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.payloadBytes()).isEqualTo(6);
        store.append(message("a much longer payload than ten bytes"));
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.evictedCount()).isEqualTo(3);
    }

    @Test
    void growsPastItsInitialCapacityKeepingOrder() {
        MessageStore store = new MessageStore(5000, Long.MAX_VALUE);
        for (int i = 0; i < 7000; i++) {
            store.append(message(Integer.toString(i)));
        }
        assertThat(store.firstSequence()).isEqualTo(2000);
        for (long s = store.firstSequence(); s < store.nextSequence(); s++) {
            assertThat(new String(store.get(s).payload(), StandardCharsets.UTF_8)).isEqualTo(Long.toString(s));
        }
    }

    @Test
    void clearForgetsButKeepsCounting() {
        MessageStore store = new MessageStore(10, 1000);
        store.append(message("a"));
        store.append(message("b"));
        store.clear();
        assertThat(store.size()).isZero();
        assertThat(store.payloadBytes()).isZero();
        store.append(message("c"));
        assertThat(store.firstSequence()).isEqualTo(2);
        assertThat(store.evictedCount()).isZero();
    }

    @Test
    void restoredMessagesComeFirstAndOnlyIntoAStoreThatNeverHeldOne() {
        MessageStore store = new MessageStore(10, 1000);
        assertThat(store.restore(java.util.List.of(message("old1"), message("old2")))).isTrue();
        store.append(message("new"));
        assertThat(store.restoredCount()).isEqualTo(2);
        assertThat(new String(store.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("old1");
        assertThat(new String(store.get(2).payload(), StandardCharsets.UTF_8)).isEqualTo("new");

        MessageStore live = new MessageStore(10, 1000);
        live.append(message("first"));
        assertThat(live.restore(java.util.List.of(message("old")))).as("they would come after a newer one").isFalse();
        assertThat(live.size()).isEqualTo(1);
        assertThat(live.restoredCount()).isZero();
    }
}
