package io.mqttworkbench.mqtt;

import java.time.Duration;

/**
 * Automatic reconnection: the first attempt at once (a broker restart or a dropped NAT entry is usually over
 * by then, and every second waited is a second of messages missed), then capped exponential backoff:
 * initial, 2x initial, 4x ... up to max.
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay) {

    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30));
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ReconnectPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initial reconnect delay must be positive");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maximum reconnect delay must not be below the initial delay");
        }
    }

    /** Delay before attempt number {@code attempt} (1-based): none before the first. */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long initial = initialDelay.toMillis();
        int shift = Math.min(attempt - 2, 30);
        long delay = initial << shift;
        if (delay <= 0 || delay > maxDelay.toMillis()) {
            delay = maxDelay.toMillis();
        }
        return Duration.ofMillis(delay);
    }
}
