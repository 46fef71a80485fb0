package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.github.difflib.text.DiffRow;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The previous message on a topic and the selected one, side by side, line by line, changes marked. */
public final class ComparisonWindow {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass INSERTED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("removed");

    private final MessageDetailViewModel.Comparison comparison;
    private final Window owner;
    private final Texts texts;

    ComparisonWindow(MessageDetailViewModel.Comparison comparison, Window owner, Texts texts) {
        this.comparison = comparison;
        this.owner = owner;
        this.texts = texts;
    }

    void show(String topic) {
        TableView<DiffRow> table = new TableView<>();
        table.setId("comparisonTable");
        table.getItems().setAll(comparison.rows());
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "comparison-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column(comparison.leftTitle(), true));
        table.getColumns().add(column(comparison.rightTitle(), false));
        Label title = new Label(topic);
        title.getStyleClass().addAll(Styles.TEXT_BOLD, UiStyles.MONOSPACE);
        Label summary = new Label(comparison.changes() == 0 ? texts.text("log.compare.identical")
                : texts.format(comparison.changes() == 1 ? "log.compare.differ.one" : "log.compare.differ.other", comparison.changes()));
        summary.getStyleClass().add(UiStyles.SECONDARY);
        BorderPane root = new BorderPane(table);
        VBox header = new VBox(2, title, summary);
        header.getStyleClass().add("comparison-header");
        root.setTop(header);
        Scene scene = new Scene(root, 1000, 620);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        Stage stage = new Stage();
        stage.setTitle(texts.format("log.compare.title", topic));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.show();
    }

    private static TableColumn<DiffRow, String> column(String title, boolean left) {
        TableColumn<DiffRow, String> column = new TableColumn<>(title);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(left ? c.getValue().getOldLine() : c.getValue().getNewLine()));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().addAll("comparison-cell", UiStyles.MONOSPACE);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                DiffRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                DiffRow.Tag tag = row == null ? DiffRow.Tag.EQUAL : row.getTag();
                setText(empty ? null : text);
                pseudoClassStateChanged(CHANGED, tag == DiffRow.Tag.CHANGE);
                pseudoClassStateChanged(INSERTED, tag == DiffRow.Tag.INSERT && !left);
                pseudoClassStateChanged(DELETED, tag == DiffRow.Tag.DELETE && left);
            }
        });
        return column;
    }
}
