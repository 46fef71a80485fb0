package io.mqttworkbench.ui.publish;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.Placeholders;
import io.mqttworkbench.publish.RepeatRun;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/** The composer's repeat: every interval, a number of times or until stopped, with progress and the rate achieved. */
public final class RepeatViewModel {
    private final PublishViewModel composer;
    private final Executor ui;
    private final IntegerProperty count = new SimpleIntegerProperty(10);
    private final IntegerProperty intervalMillis = new SimpleIntegerProperty(1000);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private RepeatRun run;

    RepeatViewModel(PublishViewModel composer, Executor ui) {
        this.composer = composer;
        this.ui = ui;
    }

    /** How many times; 0 repeats until stopped. */
    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty intervalMillisProperty() {
        return intervalMillis;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 when repeating until stopped. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts sending the form's message; false (and the reason beside Send) when it cannot be sent. */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        Optional<PublishViewModel.SendContext> context = composer.prepare();
        if (context.isEmpty()) {
            return false;
        }
        Composition composition = context.get().composition();
        BrokerConnection target = context.get().connection();
        run = RepeatRun.start("composer", n -> target.publish(composition.toRequest(Placeholders.Context.of(n))),
                Duration.ofMillis(Math.max(0, intervalMillis.get())), Math.max(0, count.get()));
        running.set(true);
        composer.show(texts().text("publish.repeating"), false);
        RepeatRun started = run;
        started.done().whenCompleteAsync((done, error) -> {
            if (run == started) {
                update();
                running.set(false);
                String text = texts().format(done.stopped() ? "publish.repeat.stopped" : "publish.repeat.done", done.sent(), done.acknowledged(),
                        done.failed());
                composer.show(done.lastError().isEmpty() ? text : texts().format("publish.repeat.lastError", text, done.lastError()),
                        done.failed() > 0);
                composer.remember(composition, text);
            }
        }, ui);
        return true;
    }

    public void stop() {
        if (run != null) {
            run.stop();
        }
    }

    /** Once per frame while running: progress and rate. */
    public void onFrame() {
        if (running.get()) {
            update();
        }
    }

    private io.mqttworkbench.ui.common.Texts texts() {
        return composer.texts();
    }

    private void update() {
        RepeatRun.Progress p = run.progress();
        progress.set(p.planned() == 0 ? -1 : (double) p.sent() / p.planned());
        String sent = p.planned() == 0 ? texts().format("publish.repeat.progress", p.sent(), p.rate(), p.acknowledged())
                : texts().format("publish.repeat.progress.planned", p.sent(), p.planned(), p.rate(), p.acknowledged());
        status.set(p.failed() == 0 ? sent : texts().format("publish.repeat.progress.failed", sent, p.failed()));
    }
}
