package io.mqttworkbench.ui.tree;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.decode.PayloadDiff;
import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected topic: its value, its history with the diff between consecutive messages, and a chart. */
public final class TopicDetailPane {

    private final TopicDetailViewModel viewModel;
    private final Texts texts;

    TopicDetailPane(TopicDetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
    }

    Node build() {
        Label none = new Label(texts.text("tree.detail.none"));
        none.getStyleClass().add(UiStyles.EMPTY_STATE);
        none.setWrapText(true);
        none.visibleProperty().bind(viewModel.nodeProperty().isNull());
        StackPane pane = new StackPane(none);
        LazyContent.onFirstValue(viewModel.nodeProperty(), pane, this::details);
        return pane;
    }

    /** The selected topic's name, summary, value, history and chart; built when a topic is first selected. */
    private Node details() {
        Label topic = new Label();
        topic.setId("topicDetailTopic");
        topic.getStyleClass().addAll(Styles.TEXT_BOLD, UiStyles.MONOSPACE);
        topic.setWrapText(true);
        topic.textProperty().bind(Bindings.createStringBinding(() -> {
            TopicNode node = viewModel.nodeProperty().get();
            return node == null ? "" : node.topic();
        }, viewModel.nodeProperty()));
        Label summary = new Label();
        summary.setId("topicDetailSummary");
        summary.getStyleClass().add(UiStyles.SECONDARY);
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Node stored = stored();

        TabPane tabs = new TabPane(tab("topicTabValue", texts.text("tree.tab.value"), Feather.FILE_TEXT, value()),
                LazyContent.onFirstSelection(tab("topicTabHistory", texts.text("tree.tab.history"), Feather.CLOCK, null), this::history),
                LazyContent.onFirstSelection(tab("topicTabChart", texts.text("tree.tab.chart"), Feather.ACTIVITY, null),
                        () -> new TopicChart(viewModel).build()));
        tabs.setId("topicDetailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox content = new VBox(6, topic, summary, stored, tabs);
        content.getStyleClass().add(UiStyles.DETAIL_PANE);
        content.visibleProperty().bind(viewModel.nodeProperty().isNotNull());
        return content;
    }

    /** Where the older messages come from, with a link to read more of them. */
    private Node stored() {
        Label note = new Label();
        note.setId("topicDetailStored");
        note.getStyleClass().add(UiStyles.SECONDARY);
        note.setWrapText(true);
        note.textProperty().bind(viewModel.storedNoteProperty());
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinHeight(Region.USE_PREF_SIZE); // wraps to a second line rather than cutting the sentence
        HBox.setHgrow(note, Priority.ALWAYS);
        Hyperlink more = new Hyperlink(texts.format("tree.stored.load", OlderMessages.PAGE));
        more.setId("topicLoadOlder");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnAction(e -> viewModel.loadOlder());
        more.visibleProperty().bind(viewModel.canLoadOlderProperty());
        more.managedProperty().bind(more.visibleProperty());
        HBox line = new HBox(8, note, more);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(note.textProperty().isNotEmpty().or(more.visibleProperty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private Node value() {
        Label kind = new Label();
        kind.setId("topicValueKind");
        kind.getStyleClass().add(Styles.TEXT_BOLD);
        Label note = new Label();
        note.getStyleClass().add(UiStyles.SECONDARY);
        TextArea text = new TextArea();
        text.setId("topicValue");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add(UiStyles.MONOSPACE);
        LazyContent.follow(viewModel.valueProperty(), value -> {
            kind.setText(value.kind().isEmpty() ? "" : value.kind().toUpperCase(Locale.ROOT));
            note.setText(value.note());
            if (!value.text().equals(text.getText())) {
                text.setText(value.text()); // only on change: keeps the reader's scroll position and selection
            }
        });
        HBox header = new HBox(8, kind, note);
        header.setAlignment(Pos.BASELINE_LEFT);
        Label none = new Label(texts.text("tree.value.none"));
        none.getStyleClass().add(UiStyles.EMPTY_STATE);
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.valueProperty().get().kind().isEmpty(),
                viewModel.valueProperty()));
        text.visibleProperty().bind(none.visibleProperty().not());
        StackPane body = new StackPane(text, none);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox box = new VBox(6, header, body);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node history() {
        TableView<ReceivedMessage> table = new TableView<>(viewModel.history());
        table.setId("topicHistory");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(24);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReceivedMessage, String> time = column(texts.text("tree.history.time"), 124, TopicDetailViewModel::time);
        time.setMinWidth(124); // a time of day is never cut to "…"
        table.getColumns().add(time);
        table.getColumns().add(column(texts.text("tree.history.size"), 60, m -> Sizes.bytes(m.payloadSize())));
        table.getColumns().add(column(texts.text("tree.history.payload"), 200, m -> m.payloadSize() == 0 ? texts.text("tree.payload.empty") : PayloadPreview.of(m.payload(), 120)));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.getColumns().subList(0, 2).forEach(c -> c.setMinWidth(c.getPrefWidth())); // the payload gives way first
        Label empty = new Label(texts.text("tree.history.empty"));
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                viewModel.selectedEntryProperty().set(entry);
            }
        });
        viewModel.selectedEntryProperty().addListener((obs, old, entry) -> {
            if (entry != null && table.getSelectionModel().getSelectedItem() != entry) {
                table.getSelectionModel().select(entry);
            }
        });

        Label keep = new Label(texts.text("tree.history.keep"));
        Spinner<Integer> limit = new Spinner<>(1, io.mqttworkbench.topic.TopicTree.Limits.MAX_HISTORY, viewModel.historyLimitProperty().get(), 50);
        limit.setId("historyLimit");
        limit.setEditable(true);
        limit.setPrefWidth(110);
        limit.setTooltip(new javafx.scene.control.Tooltip(texts.text("tree.history.keep.tooltip")));
        limit.valueProperty().addListener((obs, old, n) -> viewModel.historyLimitProperty().set(n));
        Label perTopic = new Label(texts.text("tree.history.per.topic"));
        perTopic.getStyleClass().add(UiStyles.SECONDARY);
        keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        perTopic.setMinWidth(0);
        HBox settings = new HBox(8, keep, limit, perTopic);
        settings.setAlignment(Pos.CENTER_LEFT);

        // Side by side where there is room, so the list stays in view while the diff uses the full height;
        // in a narrow pane (details right of the tree) one above the other, each with the full width.
        SplitPane split = new SplitPane(table, diff());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        split.widthProperty().addListener((obs, old, width) -> {
            Orientation wanted = width.doubleValue() < 560 ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            if (split.getOrientation() != wanted) {
                split.setOrientation(wanted);
                split.setDividerPositions(wanted == Orientation.VERTICAL ? 0.4 : 0.42);
            }
        });
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, settings, split);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node diff() {
        Label title = new Label();
        title.setId("diffTitle");
        title.getStyleClass().add(UiStyles.SECONDARY);
        title.setWrapText(true);
        title.textProperty().bind(viewModel.diffTitleProperty());
        Label summary = new Label();
        summary.setId("diffSummary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<PayloadDiff.Line> lines = new ListView<>();
        lines.setId("diffLines");
        lines.getStyleClass().addAll("diff-lines", Styles.DENSE);
        lines.setCellFactory(list -> new DiffCell(texts));
        Label nothing = new Label(texts.text("tree.diff.select"));
        nothing.getStyleClass().add(UiStyles.EMPTY_STATE);
        nothing.setWrapText(true);
        lines.setPlaceholder(nothing);
        LazyContent.follow(viewModel.diffProperty(), diff -> {
            summary.setText(diff == null ? "" : DiffSummary.of(diff, texts));
            lines.getItems().setAll(diff == null ? java.util.List.of() : diff.lines());
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox box = new VBox(4, summary, title, lines);
        box.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        return box;
    }

    /** A line of the diff: green when added, red when removed, amber with the old value when changed. */
    private static final class DiffCell extends ListCell<PayloadDiff.Line> {
        private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
        private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
        private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
        private final Label text = new Label();
        private final Label was = new Label();
        private final HBox graphic = new HBox(12, text, was);
        private final Texts texts;

        DiffCell(Texts texts) {
            this.texts = texts;
            getStyleClass().add("diff-cell");
            text.getStyleClass().add(UiStyles.MONOSPACE);
            was.getStyleClass().addAll(UiStyles.MONOSPACE, "diff-was");
            text.setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(PayloadDiff.Line line, boolean empty) {
            super.updateItem(line, empty);
            PayloadDiff.Change change = empty || line == null ? PayloadDiff.Change.SAME : line.change();
            pseudoClassStateChanged(CHANGED, change == PayloadDiff.Change.CHANGED);
            pseudoClassStateChanged(ADDED, change == PayloadDiff.Change.ADDED);
            pseudoClassStateChanged(REMOVED, change == PayloadDiff.Change.REMOVED);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            String marker = switch (change) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case CHANGED -> "~ ";
                case SAME -> "  ";
            };
            text.setText(marker + line.text());
            was.setText(line.was() == null ? "" : texts.format("tree.diff.was", line.was()));
            setGraphic(graphic);
        }
    }

    private static TableColumn<ReceivedMessage, String> column(String title, double width, java.util.function.Function<ReceivedMessage, String> f) {
        TableColumn<ReceivedMessage, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        return column;
    }

    private static Tab tab(String id, String text, Feather icon, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }
}
