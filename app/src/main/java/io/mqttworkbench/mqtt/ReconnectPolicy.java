package io.mqttworkbench.mqtt;

import java.time.Duration;

/**
 * Automatic reconnection: the first attempt at once (a dropped NAT entry or a broker restart is often
 * over by then), then every {@code initialDelay} while the outage is young, as mosquitto_sub retries every
 * second, so a broker back after a few seconds is caught within one delay; only after that does the wait
 * double, up to {@code maxDelay}, so a broker that stays down is not hammered.
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay) {

    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(true, Duration.ofMillis(500), Duration.ofSeconds(30));
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ReconnectPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initial reconnect delay must be positive");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maximum reconnect delay must not be below the initial delay");
        }
    }

    /** How long retries keep to the initial delay before they start to double. */
    static final Duration STEADY_PHASE = Duration.ofSeconds(10);

    /** Delay before attempt number {@code attempt} (1-based): none before the first. */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long initial = initialDelay.toMillis();
        long steadyAttempts = Math.max(1, STEADY_PHASE.toMillis() / initial);
        if (attempt - 1 <= steadyAttempts) {
            return initialDelay;
        }
        int shift = (int) Math.min(attempt - 1 - steadyAttempts, 30);
        long delay = initial << shift;
        if (delay <= 0 || delay > maxDelay.toMillis()) {
            delay = maxDelay.toMillis();
        }
        return Duration.ofMillis(delay);
    }
}
