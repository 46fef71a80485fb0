package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.NoticeBar;
import io.mqttworkbench.ui.common.PayloadCodeArea;
import io.mqttworkbench.ui.common.DecodeTexts;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected message: topic, time, flags, every MQTT 5 property in a table, and the payload through
 * the chosen decoder in a code view with colours, line numbers and search. Large payloads are shown a
 * part at a time, with "Next part" and "Previous part"; the size and the part shown are always stated.
 */
public final class MessageDetailPane {
    private final MessageDetailViewModel viewModel;
    private final PayloadCodeArea code;

    private final MessageActions actions;
    private final Texts texts;

    /** {@code background} decodes and highlights; {@code ui} is the JavaFX thread's executor. */
    public MessageDetailPane(MessageDetailViewModel viewModel, MessageActions actions, java.util.concurrent.Executor background,
            java.util.concurrent.Executor ui) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.texts = viewModel.texts();
        this.code = new PayloadCodeArea(background, ui, viewModel.texts());
    }

    /** The payload tab: header, decoder choice, what was found, and the code view. */
    public Node payload() {
        VBox content = new VBox(6, header("detailTopic", "detailMeta"), toolbar(), status(), grow(code.view()));
        LazyContent.follow(viewModel.decodedProperty(), code::show);
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> {
            if (comparison != null) {
                new ComparisonWindow(comparison, content.getScene() == null ? null : content.getScene().getWindow(), texts)
                        .show(viewModel.topicProperty().get());
            }
        });
        return whenSelected(content, texts.text("log.detail.select.payload"));
    }

    /** The properties tab: every MQTT 5 property of the selected message. */
    public Node properties() {
        Label none = new Label(texts.text("log.detail.properties.none"));
        none.getStyleClass().add(UiStyles.SECONDARY);
        none.managedProperty().bind(Bindings.isEmpty(viewModel.properties()));
        none.visibleProperty().bind(none.managedProperty());
        VBox content = new VBox(6, header("propertiesTopic", "propertiesMeta"), none, grow(propertyTable()));
        return whenSelected(content, texts.text("log.detail.select.properties"));
    }

    /** A tab's title for the properties: "Properties (7)". */
    public javafx.beans.binding.StringBinding propertiesTitle() {
        return Bindings.createStringBinding(() -> viewModel.properties().isEmpty() ? texts.text("log.detail.properties")
                : texts.format("log.detail.properties.count", viewModel.properties().size()), viewModel.properties());
    }

    private Node header(String topicId, String metaId) {
        Label topic = new Label();
        topic.setId(topicId);
        topic.getStyleClass().addAll(Styles.TEXT_BOLD, UiStyles.MONOSPACE);
        topic.setWrapText(true);
        topic.setMinHeight(Region.USE_PREF_SIZE);
        topic.textProperty().bind(viewModel.topicProperty());
        Label meta = new Label();
        meta.setId(metaId);
        meta.getStyleClass().add(UiStyles.SECONDARY);
        meta.setWrapText(true);
        meta.setMinHeight(Region.USE_PREF_SIZE);
        meta.textProperty().bind(viewModel.metaProperty());
        return new VBox(2, topic, meta);
    }

    private Node whenSelected(VBox content, String hint) {
        content.setFillWidth(true);
        content.visibleProperty().bind(viewModel.messageProperty().isNotNull());
        Label none = new Label(hint);
        none.getStyleClass().add(UiStyles.EMPTY_STATE);
        none.visibleProperty().bind(content.visibleProperty().not());
        StackPane pane = new StackPane(content, none);
        pane.getStyleClass().add(UiStyles.DETAIL_PANE);
        return pane;
    }

    private static Node grow(Node node) {
        VBox.setVgrow(node, Priority.ALWAYS);
        return node;
    }

    /** The MQTT 5 properties, one per row. */
    private Node propertyTable() {
        TableView<MessageDetailViewModel.PropertyRow> table = new TableView<>(viewModel.properties());
        table.setId("detailProperties");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "property-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(24);
        TableColumn<MessageDetailViewModel.PropertyRow, String> name = new TableColumn<>(texts.text("log.detail.property"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(170);
        name.setSortable(false);
        TableColumn<MessageDetailViewModel.PropertyRow, String> value = new TableColumn<>(texts.text("log.detail.value"));
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        value.setSortable(false);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.managedProperty().bind(Bindings.isNotEmpty(viewModel.properties()));
        table.visibleProperty().bind(table.managedProperty());
        return table;
    }

    private Node toolbar() {
        ComboBox<Optional<PayloadFormat>> decoder = new ComboBox<>();
        decoder.setId("decoderChoice");
        decoder.getItems().add(Optional.empty());
        for (PayloadFormat format : PayloadFormat.values()) {
            decoder.getItems().add(Optional.of(format));
        }
        decoder.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<PayloadFormat> format) {
                return format == null ? "" : format.map(f -> formatName(f, texts)).orElse(texts.text("log.detail.auto"));
            }

            @Override
            public Optional<PayloadFormat> fromString(String text) {
                return Optional.empty();
            }
        });
        decoder.setTooltip(new Tooltip(texts.text("log.detail.decoder.tooltip")));
        ComboBox<DecoderChoices.Scope> scope = new ComboBox<>();
        scope.setId("decoderScope");
        scope.getItems().addAll(DecoderChoices.Scope.values());
        scope.setValue(DecoderChoices.Scope.MESSAGE);
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(DecoderChoices.Scope s) {
                return s == null ? "" : texts.text("log.detail.scope." + s.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public DecoderChoices.Scope fromString(String text) {
                return null;
            }
        });
        scope.setTooltip(new Tooltip(texts.text("log.detail.scope.tooltip")));
        boolean[] updating = {false};
        viewModel.formatProperty().addListener((obs, old, format) -> {
            updating[0] = true;
            decoder.setValue(format);
            updating[0] = false;
        });
        decoder.setValue(viewModel.formatProperty().get() == null ? Optional.empty() : viewModel.formatProperty().get());
        decoder.valueProperty().addListener((obs, old, chosen) -> {
            if (!updating[0] && chosen != null) {
                viewModel.choose(chosen, scope.getValue());
            }
        });

        ToggleButton wrap = code.wrapToggle("wrapToggle");
        Button copy = code.copyButton("copyPayload", texts.text("log.detail.copy.tooltip"));
        Button schema = new Button(null, new FontIcon(Feather.FILE_PLUS));
        schema.setId("loadProtobufSchema");
        schema.setTooltip(new Tooltip(texts.text("log.detail.schemas.tooltip")));
        schema.setOnAction(e -> actions.manageProtobufSchemas());
        Button compare = new Button(texts.text("log.detail.compare"), new FontIcon(Feather.COLUMNS));
        compare.setId("compareWithPrevious");
        compare.setTooltip(new Tooltip(texts.text("log.detail.compare.tooltip")));
        compare.setOnAction(e -> viewModel.compareWithPrevious());
        for (Node node : new Node[] {wrap, copy, schema}) {
            node.getStyleClass().add(Styles.BUTTON_ICON);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // in a narrow pane the search field gives way; the choices and buttons keep their words, and the
        // choices a fixed width so picking a longer one does not push the bar (and the pane) wider
        decoder.setPrefWidth(125);
        scope.setPrefWidth(170);
        decoder.setMinWidth(96);
        scope.setMinWidth(120); // in a narrow pane the choices give way rather than push the pane past the window
        compare.setMinWidth(Region.USE_PREF_SIZE);
        code.searchField().setMinWidth(60);
        code.searchField().setPrefWidth(150);
        code.searchField().setPromptText(texts.text("log.detail.find"));
        // Wraps onto more lines in a narrow pane rather than run past its edge.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, decoder, scope, schema, code.searchField(),
                code.matchesLabel(), wrap, copy, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** What the decoder found, the reason when it could not, and which part is shown, with the buttons to the others. */
    private Node status() {
        Label found = new Label();
        found.setId("decodedNote");
        found.getStyleClass().add(UiStyles.SECONDARY);
        found.setWrapText(true);
        found.setMinHeight(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("decodeError");
        error.getStyleClass().add(UiStyles.PROBLEM);
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Label part = new Label();
        part.setId("payloadPart");
        part.getStyleClass().add(UiStyles.SECONDARY);
        part.textProperty().bind(viewModel.partSummaryProperty());
        part.managedProperty().bind(part.textProperty().isNotEmpty());
        part.visibleProperty().bind(part.managedProperty());
        Button previous = partButton("previousPart", "log.detail.previous", viewModel::previousPart);
        previous.visibleProperty().bind(viewModel.partProperty().greaterThan(0));
        Button next = partButton("nextPart", "log.detail.next", viewModel::nextPart);
        next.visibleProperty().bind(viewModel.hasNextPartProperty());
        for (Button b : new Button[] {previous, next}) {
            b.disableProperty().bind(viewModel.decodingProperty());
        }
        // on a line of its own, in the app's notice style: squeezed beside the decoder's note it went unseen
        Node notice = NoticeBar.dismissible("detailNotice", viewModel.noticeProperty(), new javafx.beans.property.SimpleBooleanProperty(false),
                viewModel::dismissNotice, viewModel.texts());
        DecodeTexts decodeTexts = new DecodeTexts(texts);
        Runnable update = () -> {
            Decoded d = viewModel.decodedProperty().get();
            if (viewModel.decodingProperty().get()) {
                found.setText(texts.text("log.detail.decoding"));
            } else {
                found.setText(d == null ? "" : formatName(d.format(), texts) + (d.note().isEmpty() ? "" : " · " + decodeTexts.of(d.note())));
            }
            error.setText(d == null ? "" : decodeTexts.of(d.error()));
        };
        viewModel.decodedProperty().addListener((obs, old, d) -> update.run());
        viewModel.decodingProperty().addListener((obs, old, d) -> update.run());
        update.run();
        part.setWrapText(true);
        part.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(found, Priority.ALWAYS);
        found.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(8, found);
        line.setAlignment(Pos.CENTER_LEFT);
        // the part and its buttons on a line of their own, so neither squeezes what the decoder found
        HBox parts = new HBox(8, part, previous, next);
        parts.setAlignment(Pos.CENTER_LEFT);
        parts.managedProperty().bind(part.managedProperty().or(next.visibleProperty()));
        parts.visibleProperty().bind(parts.managedProperty());
        return new VBox(4, line, parts, error, notice);
    }

    /** A decoder's name: "Text" is a word to translate, the others (JSON, Protobuf) are names. */
    static String formatName(PayloadFormat format, Texts texts) {
        return format == PayloadFormat.TEXT ? texts.text("log.detail.format.text") : format.label();
    }

    /** A button with the text of {@code key} and the tooltip of {@code key.tooltip}. */
    private Button partButton(String id, String key, Runnable action) {
        Button button = new Button(texts.text(key));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new Tooltip(texts.text(key + ".tooltip")));
        button.setOnAction(e -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
