package io.mqttworkbench.ui.broker;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.topic.BrokerStatistics;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Broker tab: a card per figure the broker publishes under $SYS, grouped by node for EMQX clusters. */
public final class BrokerStatsPane {

    private final BrokerStatsViewModel viewModel;
    private final VBox groups = new VBox(14);
    /** Cards by node and figure, so a refresh only changes texts while the set of figures stays the same. */
    private final Map<String, Card> cards = new HashMap<>();
    private List<String> layout = List.of();

    public BrokerStatsPane(BrokerStatsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Node build() {
        Label title = new Label(viewModel.texts().text("broker.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label heading = new Label();
        heading.setId("brokerStatsHeading");
        heading.getStyleClass().add(UiStyles.SECONDARY);
        heading.textProperty().bind(viewModel.headingProperty());
        VBox top = new VBox(2, title, heading);

        Label hint = new Label();
        hint.setId("brokerStatsHint");
        hint.setWrapText(true);
        hint.textProperty().bind(viewModel.hintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.managedProperty());
        Button subscribe = new Button(viewModel.texts().format("broker.subscribe", BrokerStatsViewModel.SYS_FILTER), new FontIcon(Feather.RSS));
        subscribe.setId("subscribeToSys");
        subscribe.getStyleClass().add(Styles.ACCENT);
        subscribe.setOnAction(e -> viewModel.subscribeToSys());
        subscribe.managedProperty().bind(viewModel.receivingSysProperty().not());
        subscribe.visibleProperty().bind(subscribe.managedProperty());

        viewModel.readings().addListener((ListChangeListener<BrokerStatistics.Reading>) change -> show(viewModel.readings()));
        show(viewModel.readings());

        VBox content = new VBox(12, top, hint, subscribe, groups);
        content.getStyleClass().add("broker-stats");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFocusTraversable(false); // no Tab stop without a visible focus: the controls inside take it
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return new StackPane(scroll);
    }

    private void show(List<BrokerStatistics.Reading> readings) {
        List<String> keys = readings.stream().map(BrokerStatsPane::key).toList();
        if (!keys.equals(layout)) {
            rebuild(readings);
            layout = keys;
        }
        for (BrokerStatistics.Reading reading : readings) {
            cards.get(key(reading)).show(reading, viewModel.value(reading));
        }
    }

    private void rebuild(List<BrokerStatistics.Reading> readings) {
        cards.clear();
        groups.getChildren().clear();
        Map<String, FlowPane> byNode = new java.util.LinkedHashMap<>();
        for (BrokerStatistics.Reading reading : readings) {
            FlowPane flow = byNode.computeIfAbsent(reading.node(), node -> {
                FlowPane pane = new FlowPane(10, 10);
                pane.getStyleClass().add("stat-cards");
                pane.prefWrapLengthProperty().bind(groups.widthProperty()); // as many columns as the width allows
                List<Node> section = new ArrayList<>();
                if (!node.isEmpty()) {
                    Label name = new Label(viewModel.texts().format("broker.node", node));
                    name.getStyleClass().addAll(Styles.TEXT_BOLD, UiStyles.MONOSPACE);
                    section.add(name);
                }
                section.add(pane);
                groups.getChildren().add(new VBox(6, section.toArray(Node[]::new)));
                return pane;
            });
            Card card = new Card(reading.figure(), viewModel.figureName(reading.figure()));
            cards.put(key(reading), card);
            flow.getChildren().add(card.root);
        }
    }

    private static String key(BrokerStatistics.Reading reading) {
        return reading.node() + "\u0000" + reading.figure();
    }

    /** A figure's name above its value; the topic it came from in a tooltip and in small print. */
    private static final class Card {
        private final VBox root;
        private final Label value = new Label();
        private final Label topic = new Label();
        private final Tooltip tip = new Tooltip();

        Card(BrokerStatistics.Figure figure, String figureName) {
            Label name = new Label(figureName);
            name.getStyleClass().add("stat-name");
            value.getStyleClass().add("stat-value");
            value.setId("stat-" + figure.name());
            topic.getStyleClass().addAll("stat-topic", UiStyles.MONOSPACE);
            topic.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS); // the end tells topics apart
            HBox valueRow = new HBox(value);
            valueRow.setAlignment(Pos.BASELINE_LEFT);
            HBox.setHgrow(value, Priority.ALWAYS);
            root = new VBox(2, name, valueRow, topic);
            root.getStyleClass().add("stat-card");
            Tooltip.install(root, tip);
        }

        void show(BrokerStatistics.Reading reading, String shown) {
            value.setText(shown);
            topic.setText(reading.topic());
            tip.setText(reading.topic() + "\n" + shown);
        }
    }
}
