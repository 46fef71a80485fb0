package io.mqttworkbench.ui.connection;

import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.ui.common.FollowEnd;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The connection's event log: connects, CONNACKs, SUBACKs, publish results, disconnects with reasons. */
public final class EventsPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ConnectionViewModel viewModel;

    EventsPane(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        ConnectionTexts lines = new ConnectionTexts(viewModel.texts());
        ListView<ConnectionEvent> list = new ListView<>(viewModel.events());
        list.setId("eventList");
        list.setCellFactory(view -> new ListCell<>() {
            {
                getStyleClass().add(UiStyles.EVENT_CELL);
            }

            @Override
            protected void updateItem(ConnectionEvent event, boolean empty) {
                super.updateItem(event, empty);
                pseudoClassStateChanged(UiStyles.ERROR, !empty && event != null && event.kind().isProblem());
                setText(empty || event == null ? null : TIME.format(Instant.ofEpochMilli(event.epochMillis())) + "   " + lines.of(event.text()));
            }
        });
        list.getStyleClass().addAll(UiStyles.MONOSPACE, atlantafx.base.theme.Styles.DENSE);
        Label empty = new Label(viewModel.texts().text("connection.events.empty"));
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        list.setPlaceholder(empty);
        FollowEnd.install(list, viewModel.events(), () -> true, list::scrollTo);
        return list;
    }
}
