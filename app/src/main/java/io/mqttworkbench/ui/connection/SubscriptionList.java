package io.mqttworkbench.ui.connection;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The subscriptions of a connection, each with its colour, the broker's answer and its buttons. */
public final class SubscriptionList {
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private final SubscriptionsViewModel viewModel;

    SubscriptionList(SubscriptionsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        ListView<SubscriptionRow> list = new ListView<>(viewModel.rows());
        list.setId("subscriptionList");
        list.setCellFactory(view -> new Cell(viewModel));
        // Four subscriptions in view at least (a cell is two lines, about 44 px), however short the column.
        list.setPrefHeight(4 * 44 + 2);
        list.setMinHeight(4 * 44 + 2);
        Label empty = new Label(viewModel.texts().text("connection.subscriptions.empty"));
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private static final class Cell extends ListCell<SubscriptionRow> {
        private final SubscriptionsViewModel viewModel;
        private final Texts texts;
        private final Label filter = new Label();
        private final Label result = new Label();
        private final Button pause = new Button();
        private final Button edit = new Button(null, new FontIcon(Feather.EDIT_2));
        private final Button remove = new Button(null, new FontIcon(Feather.X));
        private final HBox colorHolder = new HBox();
        private final HBox graphic;
        private final javafx.beans.InvalidationListener refresh = o -> refresh();
        private SubscriptionRow bound;

        Cell(SubscriptionsViewModel viewModel) {
            this.viewModel = viewModel;
            this.texts = viewModel.texts();
            filter.getStyleClass().addAll("filter", UiStyles.MONOSPACE);
            filter.setMinWidth(0);
            result.getStyleClass().add("result-text");
            result.setMinWidth(0);
            for (Button b : new Button[] {pause, edit, remove}) {
                b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "row-button");
            }
            pause.setId("pauseSubscription");
            edit.setId("editSubscription");
            remove.setId("unsubscribe");
            edit.setTooltip(new Tooltip(texts.text("connection.subscriptions.edit.tooltip")));
            remove.setTooltip(new Tooltip(texts.text("connection.subscriptions.unsubscribe.tooltip")));
            pause.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.setPaused(getItem(), !getItem().paused());
                }
            });
            edit.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.edit(getItem());
                }
            });
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.unsubscribe(getItem());
                }
            });
            VBox text = new VBox(2, filter, result);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            colorHolder.setAlignment(Pos.CENTER);
            graphic = new HBox(4, colorHolder, text, pause, edit, remove);
            graphic.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("subscription-cell");
            // Fit the list's width: long filters are cut with an ellipsis instead of scrolling sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SubscriptionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                bound.savedProperty().removeListener(refresh);
                bound.stateProperty().removeListener(refresh);
                bound.resultProperty().removeListener(refresh);
                bound.heldBackProperty().removeListener(refresh);
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            row.savedProperty().addListener(refresh);
            row.stateProperty().addListener(refresh);
            row.resultProperty().addListener(refresh);
            row.heldBackProperty().addListener(refresh);
            refresh();
            setGraphic(graphic);
        }

        private void refresh() {
            SubscriptionRow row = bound;
            if (row == null) {
                return;
            }
            // a decoder chosen for the subscription is named, so hex in the log is no surprise
            String decoder = row.saved().decoder() == null ? "" : io.mqttworkbench.decode.PayloadFormat.byId(row.saved().decoder())
                    .map(f -> "  ·  " + f.label()).orElse("");
            filter.setText(row.filter() + "  ·  QoS " + row.qos() + decoder);
            Tooltip.install(filter, new Tooltip(row.filter()));
            Button color = SubscriptionsPane.colorButton(row.saved().color(), c -> viewModel.setColor(row, c), null, texts);
            colorHolder.getChildren().setAll(color);
            String text = row.resultProperty().get();
            if (row.paused()) {
                long held = row.heldBackProperty().get();
                text = held == 0 ? texts.format("connection.subscriptions.paused", text)
                        : texts.format(held == 1 ? "connection.subscriptions.paused.held.one" : "connection.subscriptions.paused.held.other", held, text);
            }
            result.setText(text);
            result.setTooltip(new Tooltip(text)); // the list is narrow; the whole answer is a hover away
            result.pseudoClassStateChanged(UiStyles.ERROR, row.stateProperty().get() == SubscriptionRow.State.REFUSED);
            result.pseudoClassStateChanged(WARNING, row.stateProperty().get() == SubscriptionRow.State.DOWNGRADED);
            result.pseudoClassStateChanged(UiStyles.SUCCESS, row.stateProperty().get() == SubscriptionRow.State.GRANTED);
            pseudoClassStateChanged(PAUSED, row.paused());
            pause.setGraphic(new FontIcon(row.paused() ? Feather.PLAY : Feather.PAUSE));
            pause.setTooltip(new Tooltip(texts.text(row.paused() ? "connection.subscriptions.resume.tooltip" : "connection.subscriptions.pause.tooltip")));
        }
    }
}
