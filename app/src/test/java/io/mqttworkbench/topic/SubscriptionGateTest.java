package io.mqttworkbench.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.TopicFilter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which subscription a message came through: what the history keeps with each row. */
class SubscriptionGateTest {

    private static SubscriptionGate.Entry entry(String filter, boolean paused) {
        return new SubscriptionGate.Entry(TopicFilter.of(filter), paused, new AtomicLong());
    }

    @Test
    void aRunningSubscriptionIsNamedBeforeAPausedOneAndNoneWhenNothingMatches() {
        SubscriptionGate gate = new SubscriptionGate(List.of(entry("plant/#", true), entry("plant/+/temp", false), entry("工厂/#", false)));
        assertThat(gate.filterOf("plant/a/temp")).isEqualTo("plant/+/temp");
        assertThat(gate.filterOf("plant/a/pressure")).as("only the paused one matches").isEqualTo("plant/#");
        assertThat(gate.filterOf("工厂/一号线/温度")).isEqualTo("工厂/#");
        assertThat(gate.filterOf("other")).isNull();
        assertThat(SubscriptionGate.OPEN.filterOf("plant/a")).isNull();
    }
}
