package io.mqttworkbench.ui;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Subscribe to a filter, and see each subscription with the broker's SUBACK answer. */
final class SubscriptionsPane {
    private final ConnectionViewModel connection;
    private final SubscriptionsViewModel viewModel;

    SubscriptionsPane(ConnectionViewModel connection) {
        this.connection = connection;
        this.viewModel = connection.subscriptions();
    }

    Node build() {
        Label title = Forms.sectionTitle("SUBSCRIPTIONS");
        TextField filter = Forms.validatedField("subscribeFilter", "Filter, e.g. sensors/+/temperature or #",
                viewModel.filterProperty(), viewModel.filterProblemProperty());
        filter.setOnAction(e -> viewModel.subscribe());
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button subscribe = new Button("Subscribe");
        subscribe.setId("subscribeButton");
        subscribe.setDefaultButton(false);
        subscribe.getStyleClass().add(Styles.ACCENT);
        subscribe.setOnAction(e -> viewModel.subscribe());
        subscribe.setMinWidth(Region.USE_PREF_SIZE);
        subscribe.disableProperty().bind(connection.stateProperty().isNotEqualTo(ConnectionState.CONNECTED));

        Label problem = Forms.problemLabel("subscribeProblem", viewModel.filterProblemProperty());

        ListView<SubscriptionRow> list = new ListView<>(viewModel.rows());
        list.setId("subscriptionList");
        list.setCellFactory(view -> new SubscriptionCell(viewModel));
        list.setPrefHeight(170);
        list.setMinHeight(90);
        Label empty = new Label("No subscriptions yet");
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        list.setPlaceholder(empty);

        VBox pane = new VBox(title, new HBox(6, filter, QosChoice.boundTo(viewModel.qosProperty()), subscribe), problem, list);
        pane.getStyleClass().add(UiStyles.FORM_PANE);
        return pane;
    }

    /** The filter in bold, the broker's answer below it (red when refused), and an unsubscribe button. */
    private static final class SubscriptionCell extends ListCell<SubscriptionRow> {
        private final Label filter = new Label();
        private final Label result = new Label();
        private final Button remove = new Button(null, new FontIcon(Feather.X));
        private final HBox graphic;
        private final javafx.beans.value.ChangeListener<Boolean> refusedListener =
                (obs, old, refused) -> result.pseudoClassStateChanged(UiStyles.ERROR, refused);
        private SubscriptionRow bound;

        SubscriptionCell(SubscriptionsViewModel viewModel) {
            filter.getStyleClass().add("filter");
            result.getStyleClass().add("result-text");
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setTooltip(new Tooltip("Unsubscribe"));
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.unsubscribe(getItem());
                }
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            graphic = new HBox(8, new VBox(2, filter, result), spacer, remove);
            graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            getStyleClass().add("subscription-cell");
        }

        @Override
        protected void updateItem(SubscriptionRow row, boolean empty) {
            super.updateItem(row, empty);
            result.textProperty().unbind();
            if (bound != null) {
                bound.refusedProperty().removeListener(refusedListener);
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            filter.setText(row.filter() + "  ·  QoS " + row.qos());
            result.textProperty().bind(row.resultProperty());
            result.pseudoClassStateChanged(UiStyles.ERROR, row.refusedProperty().get());
            row.refusedProperty().addListener(refusedListener);
            setGraphic(graphic);
        }
    }
}
