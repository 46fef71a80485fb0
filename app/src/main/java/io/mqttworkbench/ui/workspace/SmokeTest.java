package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.publish.PublishViewModel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code --smoke-test}: proves that an installed package works end to end. With the real main window on
 * screen it connects to the sandbox broker, subscribes, publishes one message and waits for it to come
 * back through the whole pipeline (queue, store, log), then asks the application to exit. Driven once per
 * frame, like the rest of the window, so it never blocks the JavaFX thread.
 */
public final class SmokeTest {
    private static final long TIMEOUT_NANOS = Duration.ofSeconds(60).toNanos();

    private enum Step { CONNECTING, SUBSCRIBING, RECEIVING, DONE }

    private final MainWindowViewModel workspace;
    private final PrintStream out;
    private final Runnable exit;
    private final LongSupplier clock;
    private final String topic = "mqtt-workbench/smoke-test/" + Long.toHexString(System.nanoTime());
    private final byte[] payload = ("{\"smokeTest\":true,\"topic\":\"" + topic + "\"}").getBytes(StandardCharsets.UTF_8);
    private ConnectionViewModel connection;
    private Step step = Step.CONNECTING;
    private long startedNanos;
    private long stepStartedNanos;
    private boolean passed;

    /**
     * @param out where the figures and the verdict go (standard output when run from the command line)
     * @param exit closes the application; called once, passed or not
     * @param clock nanoseconds, for the figures and the time limit
     */
    SmokeTest(MainWindowViewModel workspace, PrintStream out, Runnable exit, LongSupplier clock) {
        this.workspace = workspace;
        this.out = out;
        this.exit = exit;
        this.clock = clock;
    }

    /** The window is on screen: report how long that took and start talking to the sandbox broker. */
    void begin(Optional<Duration> sinceStart) {
        out.println("smoke test: main window shown " // untranslated: the smoke test's report on stdout
                + sinceStart.map(d -> d.toMillis() + " ms after the Java VM started").orElse("(start time unknown)")); // untranslated: the smoke test's report on stdout
        startedNanos = clock.getAsLong();
        stepStartedNanos = startedNanos;
        Optional<ConnectionViewModel> sandbox = workspace.connections().stream().filter(c -> c.profile().isSandbox()).findFirst();
        if (sandbox.isEmpty()) {
            finish(false, "no sandbox profile to connect to"); // untranslated: the smoke test's report on stdout
            return;
        }
        connection = sandbox.get();
        workspace.openAndConnect(connection);
    }

    /** Once per frame, after the workspace has applied its news. */
    void onFrame() {
        if (step == Step.DONE || connection == null) {
            return;
        }
        long now = clock.getAsLong();
        if (now - startedNanos > TIMEOUT_NANOS) {
            finish(false, "timed out while " + step.name().toLowerCase() + " (" + connection.statusTextProperty().get() + ")"); // untranslated: the smoke test's report on stdout
            return;
        }
        switch (step) {
            case CONNECTING -> {
                ConnectionState state = connection.stateProperty().get();
                if (state == ConnectionState.CONNECTED) {
                    report("connected to the sandbox broker", now); // untranslated: the smoke test's report on stdout
                    connection.subscriptions().form().filterProperty().set(topic);
                    if (!connection.subscriptions().submit()) {
                        finish(false, "the subscription was refused: " + connection.subscriptions().form().problemProperty().get()); // untranslated: the smoke test's report on stdout
                        return;
                    }
                    step = Step.SUBSCRIBING;
                } else if (state == ConnectionState.FAILED) {
                    finish(false, "could not connect: " + connection.statusTextProperty().get()); // untranslated: the smoke test's report on stdout
                }
            }
            case SUBSCRIBING -> connection.subscriptions().rows().stream()
                    .filter(row -> row.filter().equals(topic))
                    .findFirst()
                    .ifPresent(row -> {
                        switch (row.stateProperty().get()) {
                            case GRANTED, DOWNGRADED -> {
                                report("subscribed", now);
                                publish();
                            }
                            case REFUSED -> finish(false, "the broker refused the subscription: " + row.resultProperty().get()); // untranslated: the smoke test's report on stdout
                            default -> { }
                        }
                    });
            case RECEIVING -> {
                boolean arrived = connection.messages().stream()
                        .anyMatch(m -> m.topic().equals(topic) && Arrays.equals(m.payload(), payload));
                if (arrived) {
                    report("message published and received back", now); // untranslated: the smoke test's report on stdout
                    finish(true, "passed in " + Duration.ofNanos(now - startedNanos).toMillis() + " ms after the window was shown"); // untranslated: the smoke test's report on stdout
                }
            }
            case DONE -> { }
        }
    }

    boolean passed() {
        return passed;
    }

    private void publish() {
        PublishViewModel composer = connection.publishing();
        composer.topicProperty().set(topic);
        composer.payloadProperty().set(new String(payload, StandardCharsets.UTF_8));
        composer.qosProperty().set(1);
        if (!composer.publish()) {
            finish(false, "the message could not be sent: " + composer.problemProperty().get() + " " + composer.resultProperty().get()); // untranslated: the smoke test's report on stdout
            return;
        }
        step = Step.RECEIVING;
    }

    private void report(String what, long now) {
        out.println("smoke test: " + what + " (" + Duration.ofNanos(now - stepStartedNanos).toMillis() + " ms)"); // untranslated: the smoke test's report on stdout
        stepStartedNanos = now;
    }

    private void finish(boolean ok, String verdict) {
        step = Step.DONE;
        passed = ok;
        out.println("smoke test " + (ok ? "" : "FAILED: ") + verdict); // untranslated: the smoke test's report on stdout
        out.flush();
        exit.run();
    }
}
