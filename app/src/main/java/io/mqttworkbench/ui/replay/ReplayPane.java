package io.mqttworkbench.ui.replay;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Record and Replay tab: record this connection's traffic to a file; replay a recording into it. */
public final class ReplayPane {
    private final ReplayViewModel viewModel;
    private final javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state;
    private final Texts texts;

    public ReplayPane(ReplayViewModel viewModel, javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state) {
        this.viewModel = viewModel;
        this.state = state;
        this.texts = viewModel.texts();
    }

    public Node build() {
        VBox content = new VBox(18, record(), replay());
        content.getStyleClass().add("replay-pane");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFocusTraversable(false); // no Tab stop without a visible focus: the controls inside take it
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node record() {
        TextField filters = Forms.boundField("recordFilters", texts.text("replay.record.filters.prompt"),
                viewModel.recordFiltersProperty());
        HBox.setHgrow(filters, Priority.ALWAYS);
        CheckBox gzip = new CheckBox(texts.text("replay.record.gzip"));
        gzip.setId("recordGzip");
        gzip.selectedProperty().bindBidirectional(viewModel.recordGzipProperty());
        Button start = new Button(texts.text("replay.record.start"), new FontIcon(Feather.CIRCLE));
        start.setId("recordStart");
        start.getStyleClass().add(Styles.DANGER);
        start.setOnAction(e -> viewModel.startRecording());
        start.disableProperty().bind(viewModel.recordingProperty());
        Button stop = new Button(texts.text("replay.stop"), new FontIcon(Feather.SQUARE));
        stop.setId("recordStop");
        stop.setOnAction(e -> viewModel.stopRecording());
        stop.disableProperty().bind(viewModel.recordingProperty().not());
        Label status = status("recordStatus", viewModel.recordStatusProperty());
        status.pseudoClassStateChanged(UiStyles.ERROR, false);
        HBox row = new HBox(8, filters, gzip, start, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(texts.text("replay.record.hint"));
        hint.getStyleClass().add(UiStyles.SECONDARY);
        hint.setWrapText(true);
        return new VBox(8, Forms.sectionTitle(texts.text("replay.record.title")), hint, row, status);
    }

    private Node replay() {
        Button open = new Button(texts.text("replay.open"), new FontIcon(Feather.FOLDER));
        open.setId("replayOpen");
        open.setOnAction(e -> viewModel.openRecording());
        Label info = status("replayInfo", viewModel.recordingInfoProperty());
        VBox fromFile = new VBox(8, new HBox(8, open), info);
        Node fromHistory = fromHistory();
        ToggleGroup kind = new ToggleGroup();
        RadioButton file = new RadioButton(texts.text("replay.source.file"));
        file.setId("replayFromFile");
        RadioButton history = new RadioButton(texts.text("replay.source.history"));
        history.setId("replayFromHistory");
        file.setToggleGroup(kind);
        history.setToggleGroup(kind);
        (viewModel.sourceProperty().get() == ReplayViewModel.Source.HISTORY ? history : file).setSelected(true);
        kind.selectedToggleProperty().addListener((obs, old, now) -> viewModel.sourceProperty().set(
                now == history ? ReplayViewModel.Source.HISTORY : ReplayViewModel.Source.FILE));
        BooleanBinding historyChosen = viewModel.sourceProperty().isEqualTo(ReplayViewModel.Source.HISTORY);
        fromHistory.visibleProperty().bind(historyChosen);
        fromHistory.managedProperty().bind(historyChosen);
        fromFile.visibleProperty().bind(historyChosen.not());
        fromFile.managedProperty().bind(historyChosen.not());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("replaySpeed");
        speed.getItems().addAll(0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0, 25.0, 100.0);
        speed.setConverter(Forms.converter("", v -> (v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()) + "×"));
        speed.setValue(1.0);
        speed.valueProperty().addListener((obs, old, v) -> viewModel.speedProperty().set(v == null ? 1 : v));
        CheckBox fast = new CheckBox(texts.text("replay.speed.fast"));
        fast.setId("replayFast");
        fast.selectedProperty().bindBidirectional(viewModel.asFastAsPossibleProperty());
        speed.disableProperty().bind(fast.selectedProperty());
        TextField rate = Forms.boundField("replayRate", texts.text("replay.rate.prompt"), viewModel.maxRateProperty());
        rate.setPrefColumnCount(6);
        rate.disableProperty().bind(fast.selectedProperty().not());
        Spinner<Integer> loops = new Spinner<>(0, 1_000_000, 1);
        loops.setId("replayLoops");
        loops.setEditable(true);
        loops.setPrefWidth(100);
        loops.valueProperty().addListener((obs, old, v) -> viewModel.loopsProperty().set(v));
        TextField start = Forms.boundField("replayStartAt", "0", viewModel.startSecondsProperty());
        start.setPrefColumnCount(5);
        TextField filters = Forms.boundField("replayFilters", texts.text("replay.only.topics.prompt"), viewModel.filtersProperty());
        TextField map = Forms.boundField("replayMap", texts.text("replay.map.topics.prompt"), viewModel.mappingsProperty());
        ComboBox<Integer> qos = new ComboBox<>();
        qos.setId("replayQos");
        qos.getItems().addAll(null, 0, 1, 2);
        qos.setConverter(Forms.converter(texts.text("replay.as.recorded"), v -> "QoS " + v));
        qos.valueProperty().bindBidirectional(viewModel.qosProperty());
        ComboBox<Boolean> retain = new ComboBox<>();
        retain.setId("replayRetain");
        retain.getItems().addAll(null, true, false);
        retain.setConverter(Forms.converter(texts.text("replay.as.recorded"), v -> texts.text(v ? "replay.retained" : "replay.not.retained")));
        retain.valueProperty().bindBidirectional(viewModel.retainProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label("replay.speed"), row(speed, fast, label("replay.rate.at.most"), rate, label("replay.rate.unit")));
        grid.addRow(1, label("replay.loops"), row(loops, label("replay.loops.hint"), label("replay.start.at"), start, label("replay.seconds")));
        grid.addRow(2, label("replay.only.topics"), filters);
        grid.addRow(3, label("replay.map.topics"), map);
        CheckBox sparkplug = new CheckBox(texts.text("replay.sparkplug.renumber"));
        sparkplug.setId("replaySparkplugRenumber");
        sparkplug.setTooltip(new javafx.scene.control.Tooltip(texts.text("replay.sparkplug.renumber.tooltip")));
        sparkplug.selectedProperty().bindBidirectional(viewModel.renumberSparkplugProperty());
        // beside QoS and retain: a row of its own pushed Replay below the fold of a laptop screen
        grid.addRow(4, label("replay.send.with"), row(qos, retain, sparkplug));
        GridPane.setHgrow(filters, Priority.ALWAYS);
        GridPane.setHgrow(map, Priority.ALWAYS);

        Button play = new Button(texts.text("replay.play"), new FontIcon(Feather.PLAY));
        play.setId("replayStart");
        play.getStyleClass().add(Styles.ACCENT);
        play.setOnAction(e -> viewModel.startReplay());
        play.disableProperty().bind(viewModel.replayingProperty().or(state.isNotEqualTo(ConnectionState.CONNECTED)));
        Button pause = new Button(texts.text("replay.pause"), new FontIcon(Feather.PAUSE));
        pause.setId("replayPause");
        pause.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then(texts.text("replay.resume")).otherwise(texts.text("replay.pause")));
        pause.setOnAction(e -> viewModel.togglePause());
        pause.disableProperty().bind(viewModel.replayingProperty().not());
        Button stop = new Button(texts.text("replay.stop"), new FontIcon(Feather.SQUARE));
        stop.setId("replayStop");
        stop.setOnAction(e -> viewModel.stopReplay());
        stop.disableProperty().bind(viewModel.replayingProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("replayProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(viewModel.progressProperty());
        HBox actions = new HBox(8, play, pause, stop, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label status = status("replayStatus", viewModel.replayStatusProperty());
        return new VBox(10, Forms.sectionTitle(texts.text("replay.title")), row(label("replay.source"), file, history), fromFile, fromHistory, grid,
                actions, status);
    }

    /** Profile, from, until and topics of a stored range, and what it holds. */
    private Node fromHistory() {
        HistorySourceViewModel history = viewModel.history();
        ComboBox<HistorySourceViewModel.Choice> profile = new ComboBox<>(history.profiles());
        profile.setId("replayHistoryProfile");
        profile.setConverter(Forms.converter("", HistorySourceViewModel.Choice::profileName));
        profile.valueProperty().bindBidirectional(history.profileProperty());
        profile.setOnShowing(e -> history.refreshProfiles()); // profiles added or renamed since
        TextField from = Forms.boundField("replayHistoryFrom", texts.text("replay.history.from.prompt"), history.fromProperty());
        from.setPrefColumnCount(12);
        TextField until = Forms.boundField("replayHistoryUntil", texts.text("replay.history.until.prompt"), history.untilProperty());
        until.setPrefColumnCount(12);
        TextField topics = Forms.boundField("replayHistoryTopics", texts.text("replay.history.topics.prompt"), history.topicsProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label("replay.history.profile"), profile);
        grid.addRow(1, label("replay.history.from"), row(from, label("replay.history.until"), until, hint("14:05, 2026-11-26 14:05, 15m, 2h, 7d")));
        grid.addRow(2, label("replay.history.topics"), topics);
        GridPane.setHgrow(topics, Priority.ALWAYS);
        return new VBox(8, grid, status("replayHistoryInfo", history.infoProperty()));
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(UiStyles.SECONDARY);
        return hint;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A label with the text of {@code key}. */
    private Label label(String key) {
        Label label = new Label(texts.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label status(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(UiStyles.SECONDARY);
        label.textProperty().bind(text);
        return label;
    }
}
