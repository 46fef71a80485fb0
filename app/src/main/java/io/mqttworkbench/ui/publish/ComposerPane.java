package io.mqttworkbench.ui.publish;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.decode.Syntax;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.PayloadHighlighter;
import io.mqttworkbench.ui.common.QosChoice;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.TopicSuggestions;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.common.UserPropertiesTable;
import java.util.Collection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Publish tab: the full composer (every MQTT 5 property, payload encodings, placeholders with a
 * preview, repeat and request/reply) beside the profile's history and templates.
 */
public final class ComposerPane {
    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final PublishViewModel viewModel;
    private final ComposerLibraryViewModel library;
    private final io.mqttworkbench.publish.PublishHistory history;
    private final io.mqttworkbench.topic.TopicTree tree;
    private final DialogService dialogs;
    private final javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state;
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor ui;
    private final Texts texts;
    private TitledPane propertiesPane;

    /**
     * @param history the profile's publish history, or null when it keeps none
     * @param tree    the connection's topics, offered as completions
     * @param background colours a reply's payload; {@code ui} is the JavaFX thread's executor
     */
    public ComposerPane(PublishViewModel viewModel, ComposerLibraryViewModel library, io.mqttworkbench.publish.PublishHistory history,
            io.mqttworkbench.topic.TopicTree tree, DialogService dialogs, javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state,
            java.util.concurrent.Executor background, java.util.concurrent.Executor ui) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.library = library;
        this.history = history;
        this.tree = tree;
        this.dialogs = dialogs;
        this.state = state;
        this.background = background;
        this.ui = ui;
    }

    public Node build() {
        VBox form = new VBox(10, topicRow(), optionsRow(), grow(payloadEditor()), previewLine(), properties(), sendRow(), repeatRow(),
                new RequestRow(viewModel.request(), state, background, ui, viewModel.texts()).build());
        form.getStyleClass().add("composer");
        form.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (SEND.match(event)) {
                viewModel.publish();
                event.consume();
            }
        });
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFocusTraversable(false); // no Tab stop without a visible focus: the controls inside take it
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER); // rows wrap instead
        // A reply arriving is scrolled into view: in a short window it lands below the fold.
        viewModel.request().replyPayloadProperty().addListener((obs, old, reply) -> {
            if (reply != null) {
                javafx.application.Platform.runLater(() -> scroll.setVvalue(1));
            }
        });
        // Opening the properties brings them into view: in a short window they would open below the fold.
        propertiesPane.expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded) {
                javafx.application.Platform.runLater(() -> {
                    scroll.layout();
                    double hidden = form.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        scroll.setVvalue(Math.min(1, propertiesPane.getBoundsInParent().getMinY() / hidden));
                    }
                });
            }
        });
        SplitPane split = new SplitPane(scroll, new ComposerSidePane(library).build());
        split.setDividerPositions(0.66);
        return split;
    }

    private static Node grow(Node node) {
        VBox.setVgrow(node, Priority.ALWAYS);
        return node;
    }

    private Node topicRow() {
        TextField topic = Forms.validatedField("composerTopic", texts.text("publish.topic.prompt"), viewModel.topicProperty(),
                viewModel.topicProblemProperty());
        // suggestions: topics seen in the tree and sent before
        TopicSuggestions.attach(topic, this::suggestions);
        HBox.setHgrow(topic, Priority.ALWAYS);
        HBox row = new HBox(8, label(texts.text("publish.topic")), topic);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, Forms.problemLabel("composerTopicProblem", viewModel.topicProblemProperty()));
    }

    private Collection<String> suggestions(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        if (history != null) {
            history.search(typed).stream().map(e -> e.composition().topic()).limit(8).forEach(found::add);
        }
        io.mqttworkbench.topic.TopicQuery.parse(typed).ifPresent(q -> tree.search(q, 20).matches().forEach(n -> found.add(n.topic())));
        return found.stream().limit(20).toList();
    }

    private Node optionsRow() {
        ComboBox<Integer> qos = QosChoice.boundTo(viewModel.qosProperty());
        qos.setId("composerQos");
        LazyContent.follow(viewModel.maximumQosProperty(), max -> QosChoice.offerUpTo(qos, viewModel.qosProperty(), max.intValue()));
        CheckBox retain = new CheckBox(texts.text("publish.retain"));
        retain.setId("composerRetain");
        retain.selectedProperty().bindBidirectional(viewModel.retainProperty());
        retain.disableProperty().bind(viewModel.retainAvailableProperty().not());
        ComboBox<PayloadEncoding> encoding = new ComboBox<>();
        encoding.setId("composerEncoding");
        encoding.getItems().addAll(PayloadEncoding.values());
        encoding.setConverter(Forms.converter("", e -> switch (e) {
            case TEXT -> texts.text("publish.encoding.text");
            case FILE -> texts.text("publish.encoding.file");
            default -> e.label(); // JSON, Hex, Base64, Sparkplug B: the formats' own names
        }));
        encoding.valueProperty().bindBidirectional(viewModel.encodingProperty());
        Button file = new Button(texts.text("publish.file"), new FontIcon(Feather.FOLDER));
        file.setId("composerFile");
        file.setOnAction(e -> dialogs.chooseFileToOpen(texts.text("publish.file.title"), texts.text("publish.file.any"), "*.*")
                .ifPresent(path -> viewModel.payloadProperty().set(path.toString())));
        showWhen(file, PayloadEncoding.FILE);
        Button format = new Button(texts.text("publish.format"));
        format.setId("composerFormatJson");
        format.setOnAction(e -> viewModel.layoutPayload(true));
        Button minify = new Button(texts.text("publish.minify"));
        minify.setId("composerMinifyJson");
        minify.setOnAction(e -> viewModel.layoutPayload(false));
        showWhen(format, PayloadEncoding.JSON);
        showWhen(minify, PayloadEncoding.JSON);
        ToggleButton placeholders = new ToggleButton("{{ }}");
        placeholders.setId("composerPlaceholders");
        placeholders.setTooltip(new Tooltip(texts.text("publish.placeholders.tooltip")));
        placeholders.selectedProperty().bindBidirectional(viewModel.placeholdersProperty());
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {retain, file, format, minify, placeholders}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Groups that wrap to a second line in a narrow tab instead of pushing it sideways.
        HBox delivery = new HBox(8, qos, retain);
        delivery.setAlignment(Pos.CENTER_LEFT);
        HBox payload = new HBox(8, label(texts.text("publish.payload")), encoding, file, format, minify, placeholders);
        payload.setAlignment(Pos.CENTER_LEFT);
        return wrapping(delivery, payload);
    }

    private void showWhen(Node node, PayloadEncoding encoding) {
        node.visibleProperty().bind(viewModel.encodingProperty().isEqualTo(encoding));
        node.managedProperty().bind(node.visibleProperty());
    }

    private Node payloadEditor() {
        CodeArea area = new CodeArea();
        area.setId("composerPayload");
        area.getStyleClass().addAll("payload-code", "composer-payload", UiStyles.MONOSPACE);
        area.setWrapText(true);
        area.replaceText(viewModel.payloadProperty().get());
        boolean[] syncing = {false};
        area.textProperty().addListener((obs, old, text) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                viewModel.payloadProperty().set(text);
                syncing[0] = false;
            }
            highlight(area);
        });
        viewModel.payloadProperty().addListener((obs, old, text) -> {
            if (!syncing[0] && !area.getText().equals(text)) {
                syncing[0] = true;
                area.replaceText(text == null ? "" : text);
                syncing[0] = false;
            }
        });
        viewModel.encodingProperty().addListener((obs, old, now) -> highlight(area));
        highlight(area); // the payload may have been filled in before this editor was first shown
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.setMinHeight(120);
        scroll.setPrefHeight(200);
        return scroll;
    }

    private void highlight(CodeArea area) {
        String text = area.getText();
        if (text.length() <= PayloadHighlighter.MAX_CHARS) {
            area.setStyleSpans(0, PayloadHighlighter.spans(text, viewModel.encodingProperty().get().writtenAsJson() ? Syntax.JSON : Syntax.PLAIN));
        }
    }

    private Node previewLine() {
        Label preview = new Label();
        preview.setId("composerPreview");
        preview.getStyleClass().addAll(UiStyles.SECONDARY, UiStyles.MONOSPACE);
        preview.textProperty().bind(viewModel.previewProperty());
        preview.managedProperty().bind(preview.textProperty().isNotEmpty());
        preview.visibleProperty().bind(preview.managedProperty());
        Label problem = new Label();
        problem.setId("composerProblem");
        problem.getStyleClass().add(UiStyles.PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        return new VBox(2, preview, problem);
    }

    private Node properties() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField contentType = Forms.boundField("composerContentType", "application/json", viewModel.contentTypeProperty());
        ComboBox<Boolean> format = new ComboBox<>();
        format.setId("composerPayloadFormat");
        format.getItems().addAll(null, true, false);
        format.setConverter(Forms.converter(texts.text("publish.payloadFormat.none"),
                (Boolean v) -> texts.text(v ? "publish.payloadFormat.utf8" : "publish.payloadFormat.bytes")));
        format.valueProperty().bindBidirectional(viewModel.payloadFormatUtf8Property());
        TextField expiry = Forms.boundField("composerExpiry", texts.text("publish.expiry.prompt"), viewModel.messageExpiryProperty());
        TextField response = Forms.boundField("composerResponseTopic", texts.text("publish.responseTopic.prompt"), viewModel.responseTopicProperty());
        TextField correlation = Forms.boundField("composerCorrelation", texts.text("publish.correlation.prompt"), viewModel.correlationDataProperty());
        CheckBox hex = new CheckBox(texts.text("publish.correlation.hex"));
        hex.setMinWidth(Region.USE_PREF_SIZE);
        hex.setId("composerCorrelationHex");
        hex.selectedProperty().bindBidirectional(viewModel.correlationHexProperty());
        TextField alias = Forms.boundField("composerTopicAlias", texts.text("publish.alias.prompt"), viewModel.topicAliasProperty());
        alias.disableProperty().bind(viewModel.aliasAvailableProperty().not());
        // One label and one field per row: fits the narrowest tab without scrolling sideways.
        grid.addRow(0, label(texts.text("publish.contentType")), contentType);
        grid.addRow(1, label(texts.text("publish.payloadFormat")), format);
        grid.addRow(2, label(texts.text("publish.expiry")), expiry);
        grid.addRow(3, label(texts.text("publish.alias")), alias);
        grid.addRow(4, label(texts.text("publish.responseTopic")), response);
        grid.addRow(5, label(texts.text("publish.correlation")), new HBox(6, correlation, hex));
        for (int column = 0; column < 2; column++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setHgrow(column == 1 ? Priority.ALWAYS : Priority.NEVER);
            c.setMinWidth(column == 1 ? 80 : Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(c);
        }
        HBox.setHgrow(correlation, Priority.ALWAYS);
        Label limits = new Label();
        limits.setId("composerLimits");
        limits.getStyleClass().add(UiStyles.SECONDARY);
        limits.textProperty().bind(viewModel.limitsProperty());
        VBox box = new VBox(8, grid, new UserPropertiesTable(viewModel.userProperties(), viewModel.texts()).build(), limits);
        TitledPane pane = new TitledPane(texts.text("publish.properties"), box);
        pane.setId("composerProperties");
        pane.setExpanded(false);
        pane.setAnimated(false); // opens at once, so it can be scrolled into view
        propertiesPane = pane;
        pane.textProperty().bind(Bindings.createStringBinding(() -> viewModel.userProperties().isEmpty() ? texts.text("publish.properties")
                : texts.format(viewModel.userProperties().size() == 1 ? "publish.properties.users.one" : "publish.properties.users.other",
                        viewModel.userProperties().size()), viewModel.userProperties()));
        return pane;
    }

    private Node sendRow() {
        Button send = new Button(texts.text("publish.send"), new FontIcon(Feather.SEND));
        send.setId("composerSend");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> viewModel.publish());
        send.disableProperty().bind(state.isNotEqualTo(ConnectionState.CONNECTED).or(viewModel.repeat().runningProperty()));
        Label hint = new Label(texts.text("publish.send.shortcut"));
        hint.getStyleClass().add(UiStyles.SECONDARY);
        Label result = new Label();
        result.setId("composerResult");
        result.getStyleClass().add("result-text");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultProperty());
        LazyContent.follow(viewModel.resultIsErrorProperty(), error -> {
            result.pseudoClassStateChanged(UiStyles.ERROR, error);
            result.pseudoClassStateChanged(UiStyles.SUCCESS, !error);
        });
        send.setMinWidth(Region.USE_PREF_SIZE); // a long result wraps; it does not squeeze Send to "…"
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, send, hint, result);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node repeatRow() {
        TextField interval = integer("composerInterval", viewModel.repeat().intervalMillisProperty());
        TextField count = integer("composerCount", viewModel.repeat().countProperty());
        Button start = new Button(texts.text("publish.repeat"), new FontIcon(Feather.REPEAT));
        start.setId("composerRepeat");
        start.setOnAction(e -> viewModel.repeat().start());
        start.disableProperty().bind(state.isNotEqualTo(ConnectionState.CONNECTED).or(viewModel.repeat().runningProperty()));
        Button stop = new Button(texts.text("publish.stop"), new FontIcon(Feather.SQUARE));
        stop.setId("composerStop");
        stop.setOnAction(e -> viewModel.repeat().stop());
        stop.disableProperty().bind(viewModel.repeat().runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("composerProgress");
        progress.progressProperty().bind(viewModel.repeat().progressProperty());
        progress.visibleProperty().bind(viewModel.repeat().runningProperty());
        progress.setPrefWidth(120);
        Label status = new Label();
        status.setId("composerRepeatStatus");
        status.getStyleClass().add(UiStyles.SECONDARY);
        status.textProperty().bind(viewModel.repeat().statusProperty());
        for (Button b : new Button[] {start, stop}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        count.setTooltip(new Tooltip(texts.text("publish.repeat.count.tooltip")));
        interval.setTooltip(new Tooltip(texts.text("publish.repeat.interval.tooltip")));
        HBox every = new HBox(8, label(texts.text("publish.repeat.every")), interval, label(texts.text("publish.repeat.times")), count);
        every.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, start, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Node row = wrapping(every, buttons);
        HBox state = new HBox(8, progress, status);
        state.setAlignment(Pos.CENTER_LEFT);
        state.managedProperty().bind(viewModel.repeat().runningProperty().or(status.textProperty().isNotEmpty()));
        state.visibleProperty().bind(state.managedProperty());
        return new VBox(4, row, state);
    }

    static Node wrapping(Node... groups) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(12, 6, groups);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(0); // wrap at the width the tab gives, not at a fixed 400 px
        return row;
    }

    static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField integer(String id, javafx.beans.property.IntegerProperty value) {
        TextField field = new TextField(Integer.toString(value.get()));
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.textProperty().addListener((obs, old, text) -> {
            try {
                value.set(Integer.parseInt(text.strip()));
                field.pseudoClassStateChanged(UiStyles.ERROR, false);
            } catch (NumberFormatException e) {
                field.pseudoClassStateChanged(UiStyles.ERROR, true);
            }
        });
        value.addListener((obs, old, v) -> {
            if (!field.getText().strip().equals(v.toString())) {
                field.setText(v.toString());
            }
        });
        return field;
    }
}
