package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionOrigins.Origin;
import io.mqttworkbench.ui.common.Texts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which copies "collapse duplicates" folds into the row before, with and without the broker naming the subscription. */
class DuplicateDeliveriesTest {
    private static final List<String> BOTH = List.of("#", "factory/+/press3/#");

    private static ReceivedMessage at(long millis, String payload, int... subscriptionIds) {
        List<Integer> ids = java.util.Arrays.stream(subscriptionIds).boxed().toList();
        return new ReceivedMessage("factory/a/press3/temp", payload.getBytes(StandardCharsets.UTF_8), 0, false, false, millis * 1_000_000L,
                millis, new MessageProperties(null, null, null, null, null, List.of(), ids, null));
    }

    /** Identifier 1 is #, 2 is factory/+/press3/#; without one, both match (inferred). */
    private static final Function<ReceivedMessage, Origin> ORIGINS = m -> {
        List<Integer> ids = m.properties().subscriptionIdentifiers();
        Map<Integer, String> names = Map.of(1, "#", 2, "factory/+/press3/#");
        return ids.isEmpty() ? new Origin(BOTH, true) : new Origin(ids.stream().map(names::get).toList(), false);
    };

    @Test
    void aCopyThroughAnotherSubscriptionFoldsIntoTheRowBefore() {
        DuplicateDeliveries d = new DuplicateDeliveries(ORIGINS, Texts.english());
        ReceivedMessage first = at(1000, "21.5", 1);
        assertThat(d.keep(first)).isTrue();
        assertThat(d.keep(at(1040, "21.5", 2))).isFalse();
        assertThat(d.mark(first)).isEqualTo("×2 via #, factory/+/press3/#");
        assertThat(d.hidden()).isEqualTo(1);
    }

    @Test
    void theSameSubscriptionAgainIsANewMessage() {
        DuplicateDeliveries d = new DuplicateDeliveries(ORIGINS, Texts.english());
        assertThat(d.keep(at(1000, "21.5", 1))).isTrue();
        assertThat(d.keep(at(1001, "21.5", 1))).as("a device repeating itself through #").isTrue();
    }

    @Test
    void anotherPayloadOrALateCopyIsANewMessage() {
        DuplicateDeliveries d = new DuplicateDeliveries(ORIGINS, Texts.english());
        assertThat(d.keep(at(1000, "21.5", 1))).isTrue();
        assertThat(d.keep(at(1001, "21.6", 2))).isTrue();
        assertThat(d.keep(at(2000, "21.5", 2))).as("a second later").isTrue();
    }

    @Test
    void withoutIdentifiersAsManyCopiesAsMatchingSubscriptionsFoldAndNoMore() {
        DuplicateDeliveries d = new DuplicateDeliveries(ORIGINS, Texts.english());
        ReceivedMessage first = at(1000, "21.5");
        assertThat(d.keep(first)).isTrue();
        assertThat(d.keep(at(1001, "21.5"))).isFalse();
        assertThat(d.keep(at(1002, "21.5"))).as("a third copy: two subscriptions cannot deliver it thrice").isTrue();
        assertThat(d.mark(first)).isEqualTo("×2 via #, factory/+/press3/# (inferred)");
    }
}
