package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help → Keyboard shortcuts: every shortcut of the window, what it does and where it works. */
final class ShortcutsSheet {
    private ShortcutsSheet() {
    }

    static void show(Window owner, Texts texts) {
        GridPane grid = new GridPane();
        grid.setId("shortcutsSheet");
        grid.getStyleClass().add("shortcuts-sheet");
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.all(texts)) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("key-cap");
            Label action = new Label(shortcut.action());
            Label where = new Label(shortcut.where());
            where.getStyleClass().add(UiStyles.SECONDARY);
            grid.addRow(row++, keys, action, where);
        }
        Stage stage = sheet(owner, texts.text("workspace.shortcuts.title"), texts, grid);
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F1) {
                stage.close();
            }
        });
        stage.show();
    }

    /** A small window over {@code owner} in the sheet look: a title, the content and Close (also Enter and Escape); not shown yet. */
    static Stage sheet(Window owner, String title, Texts texts, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title");
        Button close = new Button(texts.text("common.close"));
        close.setId("closeSheet");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("dialog-buttons");
        VBox root = new VBox(12, heading);
        root.getChildren().addAll(content);
        root.getChildren().add(buttons);
        root.getStyleClass().add("shortcuts-root");

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        return stage;
    }
}
