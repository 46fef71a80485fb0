package io.mqttworkbench.ui.tree;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicOrder;
import io.mqttworkbench.topic.TopicStats;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live topic tree: a filter box, the order, the tree itself and a status line. The items follow the
 * model once per frame at most, and only the rows on screen are repainted, so the tree stays smooth
 * with a hundred thousand topics and thousands of messages per second.
 */
public final class TopicTreeView {

    private final TopicTreeViewModel viewModel;
    private final TopicActions actions;
    private final Texts texts;
    private final TreeView<TopicNode> tree = new TreeView<>();
    private final TopicTreeItems items;
    /** The cells the tree made; it reuses them as rows scroll by, so there are about as many as rows on screen. */
    private final Set<TopicCell> cells = Collections.newSetFromMap(new WeakHashMap<>());

    TopicTreeView(TopicTreeViewModel viewModel, TopicActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.texts = viewModel.texts();
        this.items = new TopicTreeItems(viewModel, tree);
    }

    Node build() {
        tree.setId("topicTree");
        tree.setShowRoot(false);
        tree.getStyleClass().addAll("topic-tree", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        tree.setFixedCellSize(26);
        tree.setCellFactory(view -> {
            TopicCell cell = new TopicCell(viewModel);
            cells.add(cell);
            cell.setContextMenu(contextMenu(cell));
            return cell;
        });
        Label empty = new Label(texts.text("tree.empty"));
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        empty.setWrapText(true);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!items.isSyncing() && item != null && item.getValue() != null) {
                viewModel.selectedProperty().set(item.getValue());
            }
        });
        viewModel.structureTickProperty().addListener((obs, old, tick) -> items.sync());
        viewModel.repaintTickProperty().addListener((obs, old, tick) -> repaint());
        viewModel.expandMatchesProperty().addListener((obs, old, expand) -> {
            if (expand) {
                items.expandMatches();
            }
        });
        viewModel.filterNoteProperty().addListener((obs, old, note) -> {
            if (viewModel.expandMatchesProperty().get()) {
                items.expandMatches();
            }
        });
        items.sync();

        javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane(tree, empty);
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.summaryProperty().get().equals(texts.text("tree.summary.none")),
                viewModel.summaryProperty()));
        empty.setMouseTransparent(true);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox pane = new VBox(toolbar(), filterNote(), body, statusLine());
        pane.getStyleClass().add("topic-tree-pane");
        return pane;
    }

    private Node toolbar() {
        CustomTextField filter = new CustomTextField();
        filter.setId("topicFilter");
        filter.setPromptText(texts.text("tree.filter.prompt"));
        filter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        viewModel.filterInvalidProperty().addListener((obs, old, invalid) -> filter.pseudoClassStateChanged(Styles.STATE_WARNING, invalid));
        filter.setLeft(new FontIcon(Feather.SEARCH));
        HBox.setHgrow(filter, Priority.ALWAYS);

        ToggleGroup orders = new ToggleGroup();
        HBox orderButtons = new HBox();
        for (TopicOrder order : TopicOrder.values()) {
            String key = order == TopicOrder.NAME ? "tree.order.name" : "tree.order.activity";
            ToggleButton button = new ToggleButton(texts.text(key));
            button.setId("order" + order.label());
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the filter field gives way, not the labels
            button.setToggleGroup(orders);
            button.setUserData(order);
            button.setSelected(viewModel.orderProperty().get() == order);
            button.getStyleClass().add(order.ordinal() == 0 ? Styles.LEFT_PILL : Styles.RIGHT_PILL);
            button.setTooltip(new Tooltip(texts.text(key + ".tooltip")));
            orderButtons.getChildren().add(button);
        }
        orders.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.orderProperty().set((TopicOrder) now.getUserData());
            }
        });

        Button expand = iconButton(Feather.CHEVRONS_DOWN, texts.format("tree.expand.tooltip", TopicTreeItems.EXPAND_ALL_LIMIT));
        expand.setId("expandAll");
        expand.setOnAction(e -> {
            var selected = tree.getSelectionModel().getSelectedItem();
            items.expandAll(selected != null && selected.getValue() != null ? selected : tree.getRoot());
        });
        Button collapse = iconButton(Feather.CHEVRONS_UP, texts.text("tree.collapse.tooltip"));
        collapse.setId("collapseAll");
        collapse.setOnAction(e -> items.collapseAll());
        Button clear = iconButton(Feather.TRASH_2, texts.text("tree.clear.tooltip"));
        clear.setId("clearTopics");
        clear.setOnAction(e -> viewModel.clear());

        HBox bar = new HBox(6, filter, orderButtons, expand, collapse, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(UiStyles.PANE_TOOLBAR);
        return bar;
    }

    private Node filterNote() {
        Label note = new Label();
        note.setId("topicFilterNote");
        note.getStyleClass().addAll(UiStyles.SECONDARY, "filter-note");
        note.textProperty().bind(viewModel.filterNoteProperty());
        note.setWrapText(true); // a long filter and why it is not one would otherwise be cut
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        return note;
    }

    private Node statusLine() {
        Label summary = new Label();
        summary.setId("topicSummary");
        summary.getStyleClass().add(UiStyles.SECONDARY);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinWidth(0);
        // The outcome of an action gets a line of its own below the figures, so neither is cut short.
        Label notice = new Label();
        notice.setId("topicNotice");
        notice.getStyleClass().add(UiStyles.SECONDARY);
        notice.textProperty().bind(actions.noticeProperty());
        notice.setWrapText(true);
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        Button stop = new Button(texts.text("tree.stop"));
        stop.setId("stopRetainedScan");
        stop.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.setTooltip(new Tooltip(texts.text("tree.stop.tooltip")));
        stop.setOnAction(e -> actions.stopRetainedScan());
        stop.visibleProperty().bind(actions.retainedScanningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        HBox noticeLine = new HBox(8, notice, stop);
        noticeLine.setAlignment(Pos.CENTER_LEFT);
        noticeLine.managedProperty().bind(notice.textProperty().isNotEmpty());
        noticeLine.visibleProperty().bind(noticeLine.managedProperty());
        VBox lines = new VBox(2, summary, noticeLine);
        lines.getStyleClass().add("topic-status");
        return lines;
    }

    /** Repaints the rows on screen from one consistent copy of their figures. */
    private void repaint() {
        List<TopicCell> live = new ArrayList<>();
        for (TopicCell cell : cells) {
            if (cell.getItem() != null && !cell.isEmpty()) {
                live.add(cell);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        List<TopicStats> stats = viewModel.stats(live.stream().map(TopicCell::getItem).toList());
        Map<TopicNode, TopicStats> byNode = stats.stream().collect(Collectors.toMap(TopicStats::node, Function.identity(), (a, b) -> a));
        long now = viewModel.nowNanos();
        for (TopicCell cell : live) {
            cell.show(byNode.get(cell.getItem()), now);
        }
    }

    private ContextMenu contextMenu(TopicCell cell) {
        MenuItem copyTopic = new MenuItem(texts.text("tree.menu.copy.topic"), new FontIcon(Feather.COPY));
        copyTopic.setOnAction(e -> copy(cell.getItem().topic()));
        MenuItem copyPayload = new MenuItem(texts.text("tree.menu.copy.payload"), new FontIcon(Feather.CLIPBOARD));
        copyPayload.setOnAction(e -> viewModel.payloadForClipboard(cell.getItem()).ifPresent(this::copy));
        MenuItem subscribe = new MenuItem(null, new FontIcon(Feather.RSS));
        subscribe.setOnAction(e -> actions.subscribeToSubtree(cell.getItem()));
        MenuItem publish = new MenuItem(texts.text("tree.menu.publish"), new FontIcon(Feather.SEND));
        publish.setOnAction(e -> actions.publishTo(cell.getItem()));
        // Offered on every node: the broker may retain what reached this client without the retain flag, or not at all.
        MenuItem deleteOne = new MenuItem(texts.text("tree.menu.delete.retained"), new FontIcon(Feather.BOOKMARK));
        deleteOne.setId("deleteRetained");
        deleteOne.setOnAction(e -> actions.deleteRetained(cell.getItem()));
        MenuItem deleteAll = new MenuItem(null, new FontIcon(Feather.TRASH_2));
        deleteAll.setId("deleteRetainedUnder");
        deleteAll.setOnAction(e -> actions.deleteRetainedUnder(cell.getItem()));
        MenuItem clearStored = new MenuItem(texts.text("tree.menu.clear.stored"), new FontIcon(Feather.DATABASE));
        clearStored.setId("clearStoredSubtree");
        clearStored.setOnAction(e -> {
            if (cell.getItem() != null) { // the menu can outlive its row's topic
                actions.clearStoredHistory(cell.getItem());
            }
        });
        ContextMenu menu = new ContextMenu(copyTopic, copyPayload, new SeparatorMenuItem(), subscribe, publish, new SeparatorMenuItem(),
                deleteOne, deleteAll, new SeparatorMenuItem(), clearStored);
        menu.setOnShowing(e -> {
            TopicNode node = cell.getItem();
            if (node == null) {
                menu.hide();
                return;
            }
            TopicStats stats = viewModel.stats(node);
            copyPayload.setDisable(!stats.hasMessage());
            boolean scanning = actions.retainedScanningProperty().get();
            deleteOne.setDisable(node.isRoot() || scanning);
            deleteAll.setDisable(scanning);
            // named when shown: the texts say which subtree
            deleteAll.setText(texts.format("tree.menu.delete.retained.under", node.subtreeFilter()));
            subscribe.setText(texts.format("tree.menu.subscribe", node.subtreeFilter()));
        });
        return menu;
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Button iconButton(Feather icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }
}
