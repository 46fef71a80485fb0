package io.mqttworkbench.ui.replay;

import io.mqttworkbench.ui.common.Texts;

import static io.mqttworkbench.ui.replay.ReplayTexts.clock;

import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.replay.ReplayOptions;
import io.mqttworkbench.replay.ReplayScheduler;
import io.mqttworkbench.replay.ReplaySource;
import io.mqttworkbench.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Record and Replay tab of one connection: recording what it receives to a file, and replaying a
 * recording into it with the timing, speed, loops, filters and topic mapping chosen. Files are read and
 * created on the background executor; progress is taken once per frame.
 */
public final class ReplayViewModel {

    /** What the Replay tab plays: a recording file, or a range of a profile's history. */
    public enum Source {
        FILE, HISTORY
    }

    private final Supplier<BrokerConnection> connection;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    /** Recording what the connection receives: the tab's other half. */
    private final TrafficRecorder recorder;

    private final ReadOnlyStringWrapper recordingInfo = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Source> sourceKind = new SimpleObjectProperty<>(Source.FILE);
    private final HistorySourceViewModel history;
    private HistorySourceViewModel.Playable fromFile;
    private HistorySourceViewModel.Playable fromHistory;
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty asFastAsPossible = new SimpleBooleanProperty(false);
    private final StringProperty maxRate = new SimpleStringProperty("");
    private final IntegerProperty loops = new SimpleIntegerProperty(1);
    private final StringProperty startSeconds = new SimpleStringProperty("0");
    private final StringProperty filters = new SimpleStringProperty("");
    private final StringProperty mappings = new SimpleStringProperty("");
    private final ObjectProperty<Integer> qos = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> retain = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty renumberSparkplug = new javafx.beans.property.SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper replayStatus = new ReadOnlyStringWrapper("");
    private ReplayScheduler scheduler;
    private long lastOffsetMicros;
    private long messageCount;

    /** The window's words, in the interface language. */
    private final Texts texts;

    public ReplayViewModel(ReceivedTraffic traffic, Supplier<BrokerConnection> connection, Supplier<String> source, DialogService dialogs,
                    Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.connection = connection;
        this.recorder = new TrafficRecorder(traffic, source, dialogs, background, ui, texts);
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        this.history = new HistorySourceViewModel(background, ui, playable -> fromHistory = playable, texts);
        sourceKind.addListener((obs, old, now) -> {
            if (now == Source.HISTORY && history.profiles().isEmpty()) {
                history.refreshProfiles();
            }
        });
    }

    /** A recording file, or a range of a profile's history. */
    public ObjectProperty<Source> sourceProperty() {
        return sourceKind;
    }

    /** The range of a profile's history to play, when {@link #sourceProperty()} says HISTORY. */
    public HistorySourceViewModel history() {
        return history;
    }

    public StringProperty recordFiltersProperty() {
        return recorder.recordFilters;
    }

    public BooleanProperty recordGzipProperty() {
        return recorder.recordGzip;
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recorder.recording.getReadOnlyProperty();
    }

    /** "Recording: 1,234 messages · 5.6 MB · 0:42 → factory.jsonl.gz", or what the last one did. */
    public ReadOnlyStringProperty recordStatusProperty() {
        return recorder.recordStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recordingInfoProperty() {
        return recordingInfo.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty asFastAsPossibleProperty() {
        return asFastAsPossible;
    }

    public StringProperty maxRateProperty() {
        return maxRate;
    }

    public IntegerProperty loopsProperty() {
        return loops;
    }

    public StringProperty startSecondsProperty() {
        return startSeconds;
    }

    public StringProperty filtersProperty() {
        return filters;
    }

    public StringProperty mappingsProperty() {
        return mappings;
    }

    public ObjectProperty<Integer> qosProperty() {
        return qos;
    }

    public ObjectProperty<Boolean> retainProperty() {
        return retain;
    }

    /** Sparkplug B: seq numbered again per node and timestamps moved to the time of sending. */
    public javafx.beans.property.BooleanProperty renumberSparkplugProperty() {
        return renumberSparkplug;
    }

    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** 0 to 1 through the current loop. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replayStatusProperty() {
        return replayStatus.getReadOnlyProperty();
    }

    /** Asks where to and starts recording what this connection receives (filters narrow it). */
    public void startRecording() {
        recorder.start();
    }

    public void stopRecording() {
        recorder.stop();
    }

    /** Asks for a recording and reads it through in the background to tell what it holds. */
    public void openRecording() {
        dialogs.chooseFileToOpen(texts.text("replay.open.title"), texts.text("replay.open.files"), "*.jsonl", "*.gz", "*.txt", "*.*")
                .ifPresent(this::load);
    }

    void load(Path file) {
        recordingInfo.set(texts.format("replay.reading", file.getFileName()));
        CompletableFuture.supplyAsync(() -> {
            try {
                return RecordingReader.scan(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((read, error) -> {
            if (error != null) {
                fromFile = null;
                recordingInfo.set(texts.format("replay.unreadable", file.getFileName(), error.getCause() == null ? error.getMessage() : error.getCause().getMessage()));
                return;
            }
            // the file is streamed again when played, so a capture of any length fits
            fromFile = read.count() == 0 ? null : new HistorySourceViewModel.Playable(ReplaySource.of(file), read.count(), read.lastOffsetMicros());
            String from = read.header() == null ? texts.text(read.kind() == RecordingReader.Kind.MOSQUITTO_SUB ? "replay.from.mosquitto" : "replay.from.jsonl")
                    : read.header().source();
            String info = texts.format("replay.info", file.getFileName(), read.count(), clock(read.lastOffsetMicros() / 1_000_000), from);
            String gaps = ReplayTexts.gaps(read.markers(), texts);
            if (!gaps.isEmpty()) {
                info = ReplayTexts.more(texts, info, gaps);
            }
            for (io.mqttworkbench.replay.ReadProblem problem : read.readProblems()) {
                info = ReplayTexts.more(texts, info, ReplayTexts.problem(problem, texts));
            }
            recordingInfo.set(info);
        }, ui);
    }

    /** The options the form describes; throws {@link IllegalArgumentException} saying which field is wrong. */
    ReplayOptions options() {
        double rate = number(maxRate.get(), "replay.field.rate");
        List<ReplayOptions.Mapping> maps = new ArrayList<>();
        for (String m : split(mappings.get())) {
            ReplayOptions.Mapping.problem(m).ifPresent(p -> {
                throw new IllegalArgumentException(ReplayTexts.problem(p, texts));
            });
            maps.add(ReplayOptions.Mapping.parse(m));
        }
        ReplayOptions options = new ReplayOptions(asFastAsPossible.get() ? 0 : speed.get(), rate, loops.get(),
                (long) (number(startSeconds.get(), "replay.field.start") * 1e6), split(filters.get()), maps, qos.get(), retain.get(),
                renumberSparkplug.get());
        options.issue().ifPresent(p -> {
            throw new IllegalArgumentException(ReplayTexts.problem(p, texts));
        });
        return options;
    }

    public boolean startReplay() {
        BrokerConnection target = connection.get();
        if (target == null) {
            replayStatus.set(texts.text("replay.connect.first"));
            return false;
        }
        HistorySourceViewModel.Playable playable = sourceKind.get() == Source.HISTORY ? fromHistory : fromFile;
        if (playable == null) {
            replayStatus.set(texts.text(sourceKind.get() == Source.HISTORY ? "replay.choose.range" : "replay.open.first"));
            return false;
        }
        ReplayOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            replayStatus.set(e.getMessage());
            return false;
        }
        lastOffsetMicros = playable.lastOffsetMicros();
        messageCount = playable.count();
        scheduler = ReplayScheduler.start(playable.source(), options, target::publish);
        replaying.set(true);
        paused.set(false);
        ReplayScheduler started = scheduler;
        started.done().whenCompleteAsync((summary, error) -> {
            if (scheduler != started) {
                return;
            }
            replaying.set(false);
            if (!started.progress().stopped()) {
                progress.set(1); // a stopped replay's bar stays where it stopped
            }
            String done = texts.format(started.progress().stopped() ? "replay.stopped" : "replay.done", summary.sent(), summary.refused(),
                    summary.duration().toMillis() / 1000.0, summary.p50Millis(), summary.p99Millis(), summary.maxMillis());
            if (!summary.refusals().isEmpty()) {
                done = texts.format("replay.first.refusal", done, summary.refusals().get(0));
            }
            replayStatus.set(summary.failure().isEmpty() ? done : ReplayTexts.more(texts, done, summary.failure()));
        }, ui);
        return true;
    }

    public void togglePause() {
        if (scheduler == null || !replaying.get()) {
            return;
        }
        if (paused.get()) {
            scheduler.resume();
        } else {
            scheduler.pause();
        }
        paused.set(!paused.get());
    }

    public void stopReplay() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Once per frame: the recording's counts and the replay's position. */
    public void onFrame() {
        recorder.onFrame();
        if (replaying.get() && scheduler != null) {
            ReplayScheduler.Progress p = scheduler.progress();
            if (lastOffsetMicros > 0) {
                progress.set(Math.min(1, (double) p.positionMicros() / lastOffsetMicros));
                double speedNow = asFastAsPossible.get() ? 0 : speed.get();
                double eta = p.etaSeconds(speedNow, lastOffsetMicros);
                String at = texts.format("replay.progress", clock(p.positionMicros() / 1_000_000), clock(lastOffsetMicros / 1_000_000),
                        p.loop(), p.sent(), p.rate());
                replayStatus.set(refusedAndPaused(eta < 0 ? at : texts.format("replay.progress.left", at, clock((long) eta)), p));
            } else {
                // no timing (mosquitto_sub -v output): progress is counted in messages, when every one is played
                boolean counted = split(filters.get()).isEmpty() && startSeconds.get().strip().matches("0*(\\.0*)?") && messageCount > 0;
                long inLoop = p.sent() - (p.loop() - 1L) * messageCount;
                progress.set(counted ? Math.min(1, (double) inLoop / messageCount) : -1);
                double left = counted && p.rate() > 0 ? (messageCount - inLoop) / p.rate() : -1;
                String at = texts.format("replay.progress.count", counted ? inLoop : p.sent(), messageCount, p.loop(), p.rate());
                replayStatus.set(refusedAndPaused(left < 0 ? at : texts.format("replay.progress.left", at, clock((long) left)), p));
            }
        }
    }

    private String refusedAndPaused(String status, ReplayScheduler.Progress p) {
        String text = p.refused() == 0 ? status : texts.format("replay.progress.refused", status, p.refused());
        return p.paused() ? texts.format("replay.progress.paused", text) : text;
    }

    static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** @param field the bundle key of the field's name, for the message when it is not a number */
    private double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(texts.format("replay.number.needed", texts.text(field)));
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
