package io.mqttworkbench.ui.workspace;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.ui.common.NoticeBar;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How a connection's tab shows that it is a quick connection saved nowhere: "(not saved)" after its name,
 * a bar above its content, and "Save as profile…" in the bar and the tab's context menu. Once saved, all
 * of that goes and the tab is an ordinary profile's.
 */
final class UnsavedTab {
    private final MainWindowViewModel viewModel;
    private final ConnectionViewModel connection;
    private final BooleanBinding unsaved;

    UnsavedTab(MainWindowViewModel viewModel, ConnectionViewModel connection) {
        this.viewModel = viewModel;
        this.connection = connection;
        QuickConnectViewModel quick = viewModel.quickConnect();
        this.unsaved = Bindings.createBooleanBinding(() -> quick.isUnsaved(connection), quick.unsaved());
    }

    /** The tab's title, its look while unsaved, and its context menu. */
    void decorate(Tab tab) {
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> unsaved.get() ? viewModel.texts().format("workspace.tab.unsaved", connection.name()) : connection.name(),
                connection.nameProperty(), unsaved));
        Runnable mark = () -> {
            tab.getStyleClass().remove("unsaved-tab");
            if (unsaved.get()) {
                tab.getStyleClass().add("unsaved-tab");
            }
        };
        mark.run();
        unsaved.addListener((obs, was, now) -> mark.run());
        MenuItem save = new MenuItem(viewModel.texts().text("workspace.tab.save.as.profile"), new FontIcon(Feather.SAVE));
        save.setId("tabSaveAsProfile");
        save.visibleProperty().bind(unsaved);
        save.setOnAction(e -> viewModel.saveAsProfile(connection));
        MenuItem close = new MenuItem(viewModel.texts().text("common.close"));
        close.setOnAction(e -> viewModel.closeTab(connection));
        tab.setContextMenu(new ContextMenu(save, close));
    }

    /** The connection's content under a bar that says it is not saved, shown while it is not. */
    Node withBar(Node content) {
        StringBinding text = Bindings.createStringBinding(() -> unsaved.get()
                ? viewModel.texts().text("workspace.tab.unsaved.notice")
                : "", unsaved);
        Label sentence = new Label();
        sentence.setId("unsavedNotice");
        sentence.setWrapText(true);
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.textProperty().bind(text);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        Button save = new Button(viewModel.texts().text("workspace.tab.save.as.profile"), new FontIcon(Feather.SAVE));
        save.setId("saveAsProfile");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setOnAction(e -> viewModel.saveAsProfile(connection));
        HBox bar = NoticeBar.of(text, false, new FontIcon(Feather.ZAP), sentence, save);
        bar.getStyleClass().add("unsaved-bar");
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(bar, content);
    }
}
