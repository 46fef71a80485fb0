package io.mqttworkbench.ui.common;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The composer's user properties: an editable key/value table; keys may repeat, as MQTT 5 allows. */
public final class UserPropertiesTable {
    private final ObservableList<UserPropertyRow> rows;
    private final Texts texts;

    public UserPropertiesTable(ObservableList<UserPropertyRow> rows, Texts texts) {
        this.rows = rows;
        this.texts = texts;
    }

    public Node build() {
        TableView<UserPropertyRow> table = new TableView<>(rows);
        table.setId("composerUserProperties");
        table.setEditable(true);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 4 + 30);
        table.setMinHeight(28 * 4 + 30); // four rows at least, however crowded the form around it
        TableColumn<UserPropertyRow, String> key = new TableColumn<>(texts.text("common.user.property"));
        key.setCellValueFactory(c -> c.getValue().keyProperty());
        key.setCellFactory(CommittingTextCell.forTableColumn());
        TableColumn<UserPropertyRow, String> value = new TableColumn<>(texts.text("common.user.property.value"));
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(CommittingTextCell.forTableColumn());
        key.setSortable(false);
        value.setSortable(false);
        table.getColumns().add(key);
        table.getColumns().add(value);
        Label none = new Label(texts.text("common.user.properties.none"));
        none.getStyleClass().add(UiStyles.SECONDARY);
        none.setWrapText(true);
        table.setPlaceholder(none);

        Button add = new Button(texts.text("common.add"), new FontIcon(Feather.PLUS));
        add.setId("composerAddUserProperty");
        add.setOnAction(e -> {
            rows.add(new UserPropertyRow("", "")); // empty, not "key"/"value": an untouched row is not sent
            int row = rows.size() - 1;
            table.getSelectionModel().select(row);
            table.requestFocus();
            // edit the new key at once, once the row has a cell (after this pulse's layout)
            javafx.application.Platform.runLater(() -> {
                table.layout();
                table.scrollTo(row);
                table.edit(row, key);
            });
        });
        Button remove = new Button(texts.text("common.remove"), new FontIcon(Feather.MINUS));
        remove.setId("composerRemoveUserProperty");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> rows.remove(table.getSelectionModel().getSelectedItem()));
        for (Button b : new Button[] {add, remove}) {
            b.getStyleClass().add(Styles.SMALL);
        }
        HBox buttons = new HBox(6, add, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, table, buttons);
    }
}
