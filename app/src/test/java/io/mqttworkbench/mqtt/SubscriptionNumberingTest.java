package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A message's subscription identifiers are read as they stood when it arrived. */
class SubscriptionNumberingTest {

    @Test
    void aNumberHandedOutAgainNamesTheFilterOfItsTime() {
        SubscriptionNumbering numbering = new SubscriptionNumbering();
        numbering.numbered(1, List.of("a/#"), 1_000);
        numbering.numbered(1, List.of("b/#"), 5_000); // after a reconnect the library numbers from 1 again

        assertThat(numbering.filtersOf(1, 2_000)).containsExactly("a/#");
        assertThat(numbering.filtersOf(1, 5_000)).containsExactly("b/#");
        assertThat(numbering.filtersOf(1, 9_000)).containsExactly("b/#");
    }

    @Test
    void aMessageFromBeforeEveryNumberGetsNone() {
        SubscriptionNumbering numbering = new SubscriptionNumbering();
        numbering.numbered(1, List.of("a/#"), 1_000);

        assertThat(numbering.filtersOf(1, 999)).as("read back from a run before this connection").isEmpty();
        assertThat(numbering.filtersOf(2, 2_000)).isEmpty();
    }
}
