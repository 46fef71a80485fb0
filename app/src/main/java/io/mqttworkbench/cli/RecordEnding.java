package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionListener;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a {@code record} run ends, once: at its normal end, or on Ctrl+C or SIGTERM from a shutdown hook. The hook
 * stops the intake first (the loop stops draining, the client disconnects, so the broker hands over nothing more),
 * writes what the client had taken meanwhile, then closes the target and says what it kept: every message the
 * broker handed over is kept.
 */
final class RecordEnding {
    /** How long the hook waits for the disconnect and for the loop: a shutdown must not hang. */
    private static final long WAIT_SECONDS = 2;

    private final RecordTarget target;
    private final BrokerConnection broker;
    private final ConnectionListener gaps;
    private final PrintStream err;
    private final long startNanos;
    private final CountDownLatch loopLeft = new CountDownLatch(1);
    private volatile boolean stopping;
    private boolean done;

    RecordEnding(RecordTarget target, BrokerConnection broker, ConnectionListener gaps, PrintStream err, long startNanos) {
        this.target = target;
        this.broker = broker;
        this.gaps = gaps;
        this.err = err;
        this.startNanos = startNanos;
    }

    /** Ctrl+C or SIGTERM came: the loop takes no more. */
    boolean stopping() {
        return stopping;
    }

    /** The loop no longer drains or writes. */
    void loopLeft() {
        loopLeft.countDown();
    }

    /** The shutdown hook's work. */
    void interrupted() {
        stopping = true;
        broker.removeListener(gaps); // the disconnect below is ours, not a gap in the traffic
        try {
            broker.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // down already, or slow: what it took is written all the same
        }
        try {
            loopLeft.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ReceivedMessage> rest = new ArrayList<>();
        broker.inbound().drainTo(rest, Integer.MAX_VALUE); // acknowledged to the broker already: written too
        try {
            target.write(rest);
        } catch (IOException e) {
            err.println("record: could not write the last messages: " + e.getMessage());
        }
        finish();
    }

    /** Closes the target and says what it kept; later calls do nothing. */
    synchronized void finish() {
        if (done) {
            return;
        }
        done = true;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        try {
            target.close();
        } catch (IOException e) {
            err.println("record: could not finish writing: " + e.getMessage());
        }
        err.println("record: " + target.summary(seconds));
    }
}
