package io.mqttworkbench.ui.replay;

import static io.mqttworkbench.ui.replay.ReplayTexts.clock;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.replay.RecordingSession;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Record half of the Record and Replay tab: recording what the connection receives (and where it was
 * down) to a file, with its counts once per frame. Split from {@link ReplayViewModel}, which keeps the
 * replay and exposes these properties as before.
 */
final class TrafficRecorder {

    private final ReceivedTraffic traffic;
    private final Supplier<String> source;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Texts texts;

    final StringProperty recordFilters = new SimpleStringProperty("");
    final BooleanProperty recordGzip = new SimpleBooleanProperty(true);
    final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper recordStatus = new ReadOnlyStringWrapper("");
    private RecordingSession session;
    /** Hands the connection's drops and returns to the recording in progress. */
    private Consumer<ConnectionMarker> markers;

    /** @param source names the connection in the recording's header */
    TrafficRecorder(ReceivedTraffic traffic, Supplier<String> source, DialogService dialogs, Executor background, Executor ui, Texts texts) {
        this.traffic = traffic;
        this.source = source;
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        this.texts = texts;
    }

    /** Asks where to and starts recording what this connection receives (filters narrow it). */
    void start() {
        if (recording.get()) {
            return;
        }
        List<String> chosen = ReplayViewModel.split(recordFilters.get());
        dialogs.chooseFileToSave(texts.text("replay.record.to"), "recording.jsonl" + (recordGzip.get() ? ".gz" : ""), texts.text("replay.record.files"),
                        "*.jsonl", "*.jsonl.gz")
                .ifPresent(file -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return RecordingSession.start(file, source.get(), chosen, recordGzip.get());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, background).whenCompleteAsync((started, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() instanceof java.io.UncheckedIOException io ? io.getCause() : error.getCause();
                        dialogs.showError(texts.text("replay.record.failed"), cause == null ? error.getMessage() : cause.getMessage());
                        return;
                    }
                    session = started;
                    traffic.observe(session);
                    markers = session::mark;
                    traffic.gaps().observe(markers);
                    recording.set(true);
                    update();
                }, ui));
    }

    void stop() {
        if (session == null) {
            return;
        }
        RecordingSession stopping = session;
        traffic.unobserve(stopping);
        traffic.gaps().unobserve(markers);
        session = null;
        recording.set(false);
        background.execute(() -> {
            try {
                stopping.close();
            } catch (java.io.IOException e) {
                ui.execute(() -> recordStatus.set(texts.format("replay.record.not.closed", e.getMessage())));
            }
        });
        recordStatus.set(texts.format("replay.recorded", stopping.count(), Sizes.bytes(stopping.payloadBytes()),
                clock(stopping.elapsedNanos() / 1_000_000_000L), stopping.file().getFileName()));
    }

    /** Once per frame: the recording's counts, or its end when writing failed. */
    void onFrame() {
        if (session != null) {
            update();
        }
    }

    private void update() {
        RecordingSession s = session;
        if (!s.isOpen() && !s.problem().isEmpty()) {
            stop();
            recordStatus.set(s.problem());
            return;
        }
        recordStatus.set(texts.format("replay.recording", s.count(), Sizes.bytes(s.payloadBytes()),
                clock(s.elapsedNanos() / 1_000_000_000L), s.file().getFileName()));
    }
}
