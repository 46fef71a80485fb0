package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.sparkplug.NetworkView;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Group → edge node → device, with their state and counts (births, deaths and seq are in the selected one's header). Items are kept by key and updated in
 * place, so a refresh keeps what is expanded and selected.
 */
final class NetworkTree {
    /** A line of the tree: a group ({@code target.node() == null}), a node or a device. */
    record Row(SparkplugViewModel.Target target, String label, EntityState state, Long birth, Long death, String detail, int metrics, int flags) {
    }

    private final SparkplugViewModel viewModel;
    private final TreeTableView<Row> table = new TreeTableView<>(new TreeItem<>());
    private final Map<String, TreeItem<Row>> items = new HashMap<>();
    private List<String> keys = List.of();

    NetworkTree(SparkplugViewModel viewModel) {
        this.viewModel = viewModel;
    }

    TreeTableView<Row> build() {
        Texts texts = viewModel.texts();
        table.setId("sparkplugTree");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new javafx.scene.control.Label(texts.text("sparkplug.tree.empty")));
        table.setFixedCellSize(26);
        TreeTableColumn<Row, Row> name = column(texts.text("sparkplug.tree.name"), 210);
        name.setMinWidth(150);
        name.setCellFactory(c -> new StateCell(viewModel));
        TreeTableColumn<Row, String> metrics = text(texts.text("sparkplug.metrics"), 64, r -> r.target().node() == null ? "" : texts.number(r.metrics()));
        TreeTableColumn<Row, String> flags = text(texts.text("sparkplug.tree.flags"), 52, r -> r.flags() == 0 ? "" : texts.number(r.flags()));
        metrics.setMinWidth(64);
        flags.setMinWidth(48);
        table.getColumns().setAll(List.of(name, metrics, flags));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, item) ->
                viewModel.selectedProperty().set(item == null || item.getValue() == null || item.getValue().target().node() == null ? null
                        : item.getValue().target()));
        viewModel.viewProperty().addListener((o, old, view) -> show(view));
        show(viewModel.viewProperty().get());
        return table;
    }

    private static TreeTableColumn<Row, Row> column(String title, double width) {
        TreeTableColumn<Row, Row> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue().getValue()));
        return column;
    }

    private static TreeTableColumn<Row, String> text(String title, double width, java.util.function.Function<Row, String> value) {
        TreeTableColumn<Row, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().getValue() == null ? "" : value.apply(cell.getValue().getValue())));
        return column;
    }

    private void show(NetworkView view) {
        List<Row> rows = new ArrayList<>();
        String group = null;
        for (NetworkView.Node node : view.nodes()) {
            if (!node.group().equals(group)) {
                group = node.group();
                String g = group;
                long nodes = view.nodes().stream().filter(n -> n.group().equals(g)).count();
                rows.add(new Row(new SparkplugViewModel.Target(group, null, null), group, null, null, null,
                        viewModel.texts().format(nodes == 1 ? "sparkplug.tree.nodes.one" : "sparkplug.tree.nodes.other", nodes), 0, 0));
            }
            rows.add(new Row(new SparkplugViewModel.Target(node.group(), node.id(), null), node.id(), node.state(), node.lastBirthMillis(),
                    node.lastDeathMillis(), (node.bdSeq() == null ? "–" : node.bdSeq().toString()) + " · " + (node.lastSeq() == null ? "–" : node.lastSeq()),
                    node.metrics().size(), node.flagCount()));
            for (NetworkView.Device device : node.devices()) {
                rows.add(new Row(new SparkplugViewModel.Target(node.group(), node.id(), device.id()), device.id(), device.state(),
                        device.lastBirthMillis(), device.lastDeathMillis(), "", device.metrics().size(), device.flagCount()));
            }
        }
        List<String> now = rows.stream().map(r -> r.target().where()).toList();
        if (!now.equals(keys)) {
            rebuild(rows);
            keys = now;
        } else {
            rows.forEach(r -> items.get(r.target().where()).setValue(r));
        }
    }

    private void rebuild(List<Row> rows) {
        Map<String, TreeItem<Row>> old = new HashMap<>(items);
        items.clear();
        List<TreeItem<Row>> groups = new ArrayList<>();
        TreeItem<Row> group = null;
        TreeItem<Row> node = null;
        for (Row row : rows) {
            TreeItem<Row> item = old.containsKey(row.target().where()) ? old.get(row.target().where()) : new TreeItem<>();
            boolean isNew = !old.containsKey(row.target().where());
            item.setValue(row);
            item.getChildren().clear();
            items.put(row.target().where(), item);
            if (row.target().node() == null) {
                group = item;
                groups.add(item);
            } else if (row.target().device() == null) {
                node = item;
                group.getChildren().add(item);
            } else {
                node.getChildren().add(item);
            }
            if (isNew) {
                item.setExpanded(true);
            }
        }
        TreeItem<Row> selected = table.getSelectionModel().getSelectedItem();
        table.getRoot().getChildren().setAll(groups);
        if (selected != null && items.containsValue(selected)) {
            table.getSelectionModel().select(selected);
        }
    }

    /** The name with a state dot; the state is a pseudo-class of the cell (workbench.css colours it). */
    private static final class StateCell extends TreeTableCell<Row, Row> {
        private static final Map<EntityState, PseudoClass> STATES = Map.of(EntityState.ONLINE, PseudoClass.getPseudoClass("online"),
                EntityState.OFFLINE, PseudoClass.getPseudoClass("offline"), EntityState.STALE, PseudoClass.getPseudoClass("stale"));

        private final SparkplugViewModel viewModel;

        StateCell(SparkplugViewModel viewModel) {
            this.viewModel = viewModel;
            getStyleClass().add("sparkplug-state-cell");
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            STATES.values().forEach(p -> pseudoClassStateChanged(p, false));
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (row.state() == null) {
                setText(row.label() + "  · " + row.detail());
                setGraphic(null);
                return;
            }
            pseudoClassStateChanged(STATES.get(row.state()), true);
            setText(row.label() + "  " + viewModel.stateName(row.state()));
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(4);
            dot.getStyleClass().add("sparkplug-state-dot");
            setGraphic(dot);
        }
    }
}
