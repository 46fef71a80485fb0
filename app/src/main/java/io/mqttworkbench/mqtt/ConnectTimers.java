package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The timers of connecting, on the connection thread: the wait for a CONNACK, and the capped backoff
 * between reconnect attempts with their count.
 */
final class ConnectTimers {
    private final ConnectionThread thread;
    private final ReconnectPolicy policy;
    private int attempt;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> connack;

    ConnectTimers(ConnectionThread thread, ReconnectPolicy policy) {
        this.thread = thread;
        this.policy = policy;
    }

    /** Reconnect attempts since the connection was last up (0 for a first connect). */
    int attempt() {
        return attempt;
    }

    /** Connected, or a fresh connect asked for by the user: the count starts again. */
    void resetAttempts() {
        attempt = 0;
    }

    void awaitConnack(Runnable onTimeout, long millis) {
        connack = thread.schedule(onTimeout, millis);
    }

    void connackDone() {
        cancel(connack);
    }

    /** Counts an attempt and schedules it after the policy's delay; returns the wait in words ("now", "in 500 ms", "in 4 s"). */
    String scheduleReconnect(Runnable attemptConnect) {
        attempt++;
        Duration delay = policy.delayBefore(attempt);
        reconnect = thread.schedule(attemptConnect, delay.toMillis());
        if (delay.isZero()) {
            return "now";
        }
        return delay.toMillis() < 1000 ? "in " + delay.toMillis() + " ms" : "in " + delay.toSeconds() + " s";
    }

    void cancelReconnect() {
        cancel(reconnect);
    }

    void cancelAll() {
        cancel(reconnect);
        cancel(connack);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
