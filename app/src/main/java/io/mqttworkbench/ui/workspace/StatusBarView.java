package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.UiStyles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bottom line: the sandbox broker's state and the selected profile's message history on disk on the left,
 * connections and traffic on the right.
 */
public final class StatusBarView {
    private final MainWindowViewModel viewModel;

    StatusBarView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        Label sandbox = new Label();
        sandbox.setId("sandboxStatus");
        sandbox.setGraphic(new FontIcon(Feather.SERVER));
        sandbox.textProperty().bind(viewModel.sandboxStatusProperty());
        viewModel.sandboxFailedProperty().addListener((obs, old, failed) -> sandbox.pseudoClassStateChanged(UiStyles.ERROR, failed));
        Label summary = new Label();
        summary.setId("trafficSummary");
        summary.setGraphic(new FontIcon(Feather.ACTIVITY));
        summary.textProperty().bind(viewModel.summaryProperty());
        // When the window is narrow these are cut: the whole text stays one hover away.
        for (Label label : new Label[] {sandbox, summary}) {
            label.setMinWidth(0);
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(label.textProperty());
            label.setTooltip(tip);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The history takes the room between the two and gives way first: the bar shrinks its children alike, so it asks for none.
        Region history = io.mqttworkbench.ui.connection.DiskHistoryPane.statusOf(viewModel.selectedProperty());
        history.setPrefWidth(0);
        history.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(history, Priority.ALWAYS);
        spacer.managedProperty().bind(history.managedProperty().not());
        HBox bar = new HBox(sandbox, history, spacer, summary);
        bar.getStyleClass().add(UiStyles.STATUS_BAR);
        return bar;
    }
}
