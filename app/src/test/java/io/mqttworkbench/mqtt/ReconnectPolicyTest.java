package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void firstRetryAtOnceThenSteadyForTenSecondsThenDoublingUpToTheCap() {
        ReconnectPolicy policy = new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(11)).isEqualTo(Duration.ofSeconds(1)); // ten retries a second apart, as mosquitto_sub
        assertThat(policy.delayBefore(12)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(15)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delayBefore(16)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theDefaultCatchesABrokerBackAfterAFewSecondsWithinHalfASecond() {
        ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
        long waited = 0;
        for (int attempt = 1; waited < 10_000; attempt++) {
            assertThat(policy.delayBefore(attempt)).isLessThanOrEqualTo(Duration.ofMillis(500));
            waited += Math.max(1, policy.delayBefore(attempt).toMillis());
        }
    }
}
