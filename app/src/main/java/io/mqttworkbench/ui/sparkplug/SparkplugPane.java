package io.mqttworkbench.ui.sparkplug;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Sparkplug tab: the network's tree beside the selected node's or device's metrics, the flags below. */
public final class SparkplugPane {
    private final SparkplugViewModel viewModel;
    private final DialogService dialogs;
    private final Consumer<ReceivedMessage> showInLog;

    public SparkplugPane(SparkplugViewModel viewModel, DialogService dialogs, Consumer<ReceivedMessage> showInLog) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.showInLog = showInLog;
    }

    public Node build() {
        Texts texts = viewModel.texts();
        Label title = new Label(texts.text("sparkplug.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label summary = new Label();
        summary.setId("sparkplugSummary");
        summary.getStyleClass().add(UiStyles.SECONDARY);
        summary.textProperty().bind(viewModel.summaryProperty());
        Button subscribe = new Button(texts.text("sparkplug.subscribe"), new FontIcon(Feather.RSS));
        subscribe.setId("sparkplugSubscribe");
        subscribe.getStyleClass().add(Styles.ACCENT);
        subscribe.setOnAction(e -> viewModel.subscribe());
        subscribe.managedProperty().bind(viewModel.subscribedProperty().not());
        subscribe.visibleProperty().bind(subscribe.managedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, new VBox(2, title, summary), gap, subscribe);
        top.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("sparkplugOutcome");
        outcome.getStyleClass().add(UiStyles.SECONDARY);
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());

        SplitPane upper = new SplitPane(new NetworkTree(viewModel).build(), selectedPane());
        upper.setDividerPositions(0.36);
        TableView<?> flags = SparkplugTables.flags(viewModel, showInLog);
        Label flagsTitle = new Label();
        flagsTitle.getStyleClass().add("section-title");
        flagsTitle.textProperty().bind(Bindings.createStringBinding(() -> texts.format("sparkplug.flags.title", viewModel.flags().size()),
                viewModel.flags()));
        VBox lower = new VBox(4, flagsTitle, flags);
        VBox.setVgrow(flags, Priority.ALWAYS);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox pane = new VBox(8, top, outcome, split);
        pane.getStyleClass().add("sparkplug-pane");
        return pane;
    }

    private Node selectedPane() {
        Texts texts = viewModel.texts();
        Label heading = new Label();
        heading.setId("sparkplugSelected");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            SparkplugViewModel.Target target = viewModel.selectedProperty().get();
            EntityState state = viewModel.selectedStateProperty().get();
            return target == null ? texts.text("sparkplug.metrics") : target.where() + (state == null ? "" : " · " + viewModel.stateName(state));
        }, viewModel.selectedProperty(), viewModel.selectedStateProperty()));
        Button rebirth = new Button(texts.text("sparkplug.rebirth"), new FontIcon(Feather.REFRESH_CW));
        rebirth.setId("sparkplugRebirth");
        rebirth.setTooltip(new javafx.scene.control.Tooltip(texts.text("sparkplug.rebirth.tooltip")));
        rebirth.disableProperty().bind(viewModel.selectedProperty().isNull());
        rebirth.setOnAction(e -> {
            SparkplugViewModel.Target target = viewModel.selectedProperty().get();
            String node = target == null ? "" : target.group() + "/" + target.node();
            if (target != null && dialogs.confirm(texts.format("sparkplug.rebirth.title", node), texts.format("sparkplug.rebirth.confirm", node),
                    texts.text("sparkplug.rebirth.send"))) {
                viewModel.rebirth(target);
            }
        });
        Button write = new Button(texts.text("sparkplug.write"), new FontIcon(Feather.EDIT_3));
        write.setId("sparkplugWrite");
        write.disableProperty().bind(viewModel.selectedProperty().isNull());
        write.setOnAction(e -> {
            SparkplugViewModel.Target target = viewModel.selectedProperty().get();
            if (target != null) {
                new WriteMetricDialog(viewModel, target).showAndWait(write.getScene().getWindow());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label detail = new Label();
        detail.setId("sparkplugSelectedDetail");
        detail.getStyleClass().add(UiStyles.SECONDARY);
        detail.textProperty().bind(viewModel.selectedDetailProperty());
        detail.setMinWidth(0);
        VBox headings = new VBox(2, heading, detail);
        headings.setMinWidth(0);
        HBox.setHgrow(headings, Priority.ALWAYS);
        rebirth.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        write.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, headings, rebirth, write);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<io.mqttworkbench.sparkplug.MetricValue> metrics = SparkplugTables.metrics(viewModel);
        javafx.scene.control.Tab metricsTab = new javafx.scene.control.Tab(texts.text("sparkplug.metrics"), metrics);
        javafx.scene.control.Tab chartTab = new javafx.scene.control.Tab(texts.text("sparkplug.chart"),
                MetricChartView.build(viewModel.metricChart()));
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(metricsTab, chartTab);
        tabs.setId("sparkplugDetailTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        Runnable chartSelected = () -> {
            io.mqttworkbench.sparkplug.MetricValue metric = metrics.getSelectionModel().getSelectedItem();
            if (metric != null) {
                viewModel.chart(metric);
                tabs.getSelectionModel().select(chartTab);
            }
        };
        javafx.scene.control.MenuItem chartItem = new javafx.scene.control.MenuItem(texts.text("sparkplug.chartOverTime"));
        chartItem.setOnAction(e -> chartSelected.run());
        metrics.getContextMenu().getItems().add(0, chartItem);
        metrics.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                chartSelected.run();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, bar, tabs);
        box.getStyleClass().add("sparkplug-selected");
        return box;
    }
}
