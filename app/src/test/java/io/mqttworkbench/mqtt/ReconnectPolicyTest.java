package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void firstRetryAtOnceThenDoublesUpToTheCap() {
        ReconnectPolicy policy = new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delayBefore(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(1000)).isEqualTo(Duration.ofSeconds(30));
    }
}
