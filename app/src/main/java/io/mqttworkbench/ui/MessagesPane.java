package io.mqttworkbench.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live message table. Rows come from the store through a virtual list, so only visible rows are
 * formatted; the table follows the newest row until the user scrolls up or switches "Follow" off.
 */
final class MessagesPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int PREVIEW_CHARS = 160;

    private final ConnectionViewModel viewModel;

    MessagesPane(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        TableView<ReceivedMessage> table = new TableView<>(viewModel.messages());
        table.setId("messageTable");
        table.getStyleClass().addAll("message-table", Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 100, m -> m == StoreBackedList.EVICTED ? "" : TIME.format(Instant.ofEpochMilli(m.receivedEpochMillis()))));
        TableColumn<ReceivedMessage, String> topic = column("Topic", 220, ReceivedMessage::topic);
        topic.setCellFactory(c -> new TopicCell(viewModel.subscriptions()));
        table.getColumns().add(topic);
        table.getColumns().add(column("QoS", 50, m -> Integer.toString(m.qos())));
        TableColumn<ReceivedMessage, String> retained = column("Retain", 64, m -> m.retained() ? "retained" : "");
        retained.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("retained-cell");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("retained-cell");
                }
            }
        });
        table.getColumns().add(retained);
        table.getColumns().add(column("Size", 64, m -> Sizes.bytes(m.payloadSize())));
        table.getColumns().add(column("Payload", 150, m -> PayloadPreview.of(m.payload(), PREVIEW_CHARS)));
        table.getColumns().forEach(c -> c.setSortable(false)); // sorting a million live rows belongs to queries, not clicks

        Label empty = new Label("No messages yet.\nConnect, then subscribe to a filter such as # to watch the traffic.");
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        table.setPlaceholder(empty);

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, message) -> viewModel.selectedMessageProperty().set(message));
        FollowEnd.install(viewModel.messages(), viewModel.followingProperty()::get, table::scrollTo);
        table.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                viewModel.followingProperty().set(false); // reading older rows: stop jumping to the newest
            }
        });

        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(toolbar(table), table);
    }

    private Node toolbar(TableView<ReceivedMessage> table) {
        Label title = Forms.sectionTitle("MESSAGES");
        Label counts = new Label();
        counts.setId("messageCounts");
        counts.getStyleClass().add(UiStyles.SECONDARY);
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = String.format(Locale.ROOT, "%,d received · %,.0f msg/s", viewModel.receivedCountProperty().get(),
                    viewModel.messagesPerSecondProperty().get());
            long dropped = viewModel.droppedCountProperty().get();
            return dropped > 0 ? text + String.format(Locale.ROOT, " · %,d dropped (oldest first, store cap)", dropped) : text;
        }, viewModel.receivedCountProperty(), viewModel.messagesPerSecondProperty(), viewModel.droppedCountProperty()));

        ToggleButton follow = new ToggleButton("Follow", new FontIcon(Feather.CHEVRONS_DOWN));
        follow.setId("followToggle");
        follow.setTooltip(new Tooltip("Keep the newest message in view"));
        follow.selectedProperty().bindBidirectional(viewModel.followingProperty());
        follow.selectedProperty().addListener((obs, old, on) -> {
            if (on && !table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        Button clear = new Button("Clear", new FontIcon(Feather.TRASH_2));
        clear.setId("clearMessages");
        clear.setTooltip(new Tooltip("Forget every received message"));
        clear.setOnAction(e -> viewModel.clearMessages());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, counts, spacer, follow, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(UiStyles.PANE_TOOLBAR);
        return bar;
    }

    /** The topic, marked with the colour of the subscription it came through. */
    private static final class TopicCell extends TableCell<ReceivedMessage, String> {
        private final SubscriptionsViewModel subscriptions;
        private final javafx.scene.shape.Rectangle mark = SubscriptionColors.bar();

        TopicCell(SubscriptionsViewModel subscriptions) {
            this.subscriptions = subscriptions;
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            if (empty || text == null || text.isEmpty()) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(text);
            String color = subscriptions.colorFor(text);
            mark.setFill(SubscriptionColors.paint(color));
            setGraphic(color == null ? null : mark);
        }
    }

    private static TableColumn<ReceivedMessage, String> column(String title, double width, Function<ReceivedMessage, String> text) {
        TableColumn<ReceivedMessage, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 64));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }
}
