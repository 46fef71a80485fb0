package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.NoticeBar;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The message history on disk: a notice bar under the connection's header, a status in the window's status bar. */
public final class DiskHistoryPane {
    private final DiskHistoryViewModel viewModel;

    DiskHistoryPane(DiskHistoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Says the history file was damaged and set aside, or could not be opened; stays until dismissed. */
    Node noticeBar() {
        Label text = new Label();
        text.setId("historyNotice");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(viewModel.noticeProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(viewModel.texts().text("connection.history.dismiss"));
        dismiss.setId("dismissHistoryNotice");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> viewModel.dismissNotice());
        return NoticeBar.of(viewModel.noticeProperty(), true, new FontIcon(Feather.ALERT_TRIANGLE), text, dismiss);
    }

    /**
     * For the window's status bar, where it takes no height from the lists: the selected connection's
     * "On disk: … messages since … · 1.2 GB of 2.0 GB" or the last clear's outcome, and "Clear history…".
     */
    public static HBox statusOf(ObservableValue<ConnectionViewModel> selected) {
        Label status = new Label();
        status.setId("historyStatus");
        status.setGraphic(new FontIcon(Feather.DATABASE));
        status.setMinWidth(0);
        Tooltip limits = new Tooltip();
        limits.setWrapText(true);
        limits.setMaxWidth(420);
        status.setTooltip(limits);
        Label outcome = new Label();
        outcome.setId("historyOutcome");
        outcome.setMinWidth(0);
        outcome.setTooltip(new Tooltip());
        outcome.getTooltip().textProperty().bind(outcome.textProperty());
        Hyperlink clear = new Hyperlink(); // its words come with the connection: the line is hidden without one
        clear.setId("clearHistory");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setTooltip(new Tooltip());
        // a clear's outcome stands in for the figures while it is shown (30 s): the bar has room for one of them
        status.managedProperty().bind(outcome.textProperty().isEmpty());
        status.visibleProperty().bind(status.managedProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());
        HBox line = new HBox(8, status, outcome, clear);
        line.setId("historyStatusLine");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMinWidth(0);
        Consumer<ConnectionViewModel> follow = connection -> {
            status.textProperty().unbind();
            limits.textProperty().unbind();
            outcome.textProperty().unbind();
            clear.disableProperty().unbind();
            line.managedProperty().unbind();
            if (connection == null) {
                line.setManaged(false);
            } else {
                DiskHistoryViewModel history = connection.diskHistory();
                clear.setText(history.texts().text("connection.history.clear"));
                clear.getTooltip().setText(history.texts().text("connection.history.clear.tooltip"));
                status.textProperty().bind(history.statusProperty());
                limits.textProperty().bind(javafx.beans.binding.Bindings.concat(history.statusProperty(), "\n\n", history.limitsProperty()));
                outcome.textProperty().bind(history.outcomeProperty());
                clear.disableProperty().bind(history.busyProperty());
                clear.setOnAction(e -> history.clearAll());
                line.managedProperty().bind(history.statusProperty().isNotEmpty());
            }
        };
        follow.accept(selected.getValue());
        selected.addListener((obs, old, now) -> follow.accept(now));
        line.visibleProperty().bind(line.managedProperty());
        return line;
    }
}
