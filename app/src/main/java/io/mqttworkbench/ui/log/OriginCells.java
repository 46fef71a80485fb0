package io.mqttworkbench.ui.log;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionColors;
import io.mqttworkbench.ui.common.SubscriptionOrigins;
import io.mqttworkbench.ui.common.SubscriptionOrigins.Origin;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;

/**
 * The log's cells that show where a row came from: the topic with the colour of the subscription that
 * delivered it (not merely the first one whose filter matches), and the subscription column naming it.
 */
final class OriginCells {
    private OriginCells() {
    }

    /** What the subscription column says: the subscription(s), or for a row standing for several deliveries "×2 via …". */
    static String text(SubscriptionOrigins origins, DuplicateCollapse collapse, ReceivedMessage message) {
        String mark = collapse.mark(message);
        return mark != null ? mark : origins.label(origins.of(message));
    }

    /** The row's message, read from the table (the cell's value is only its text). */
    private static ReceivedMessage rowOf(TableCell<ReceivedMessage, String> cell) {
        int index = cell.getIndex();
        var items = cell.getTableView() == null ? null : cell.getTableView().getItems();
        ReceivedMessage m = items == null || index < 0 || index >= items.size() ? null : items.get(index);
        return m == null || RowWindow.isPlaceholder(m) ? null : m;
    }

    /** The topic, marked with the colour of the subscription it came through. */
    static final class Topic extends TableCell<ReceivedMessage, String> {
        private final SubscriptionsViewModel subscriptions;
        private final Rectangle mark = SubscriptionColors.bar();

        Topic(SubscriptionsViewModel subscriptions) {
            this.subscriptions = subscriptions;
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            ReceivedMessage message = empty ? null : rowOf(this);
            if (empty || text == null || text.isEmpty()) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(text);
            Origin origin = message == null ? Origin.UNKNOWN : subscriptions.origins().of(message);
            String color = origin.filters().isEmpty() ? null : subscriptions.colorOfFilter(origin.filters().get(0));
            mark.setFill(SubscriptionColors.paint(color));
            setGraphic(color == null ? null : mark);
        }
    }

    /** The subscription(s) that delivered the row, and with collapsed duplicates how many deliveries it stands for. */
    static final class Subscription extends TableCell<ReceivedMessage, String> {
        private final SubscriptionOrigins origins;
        private final DuplicateCollapse collapse;
        private final Tooltip tip = new Tooltip();

        Subscription(SubscriptionOrigins origins, DuplicateCollapse collapse) {
            this.origins = origins;
            this.collapse = collapse;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            ReceivedMessage message = empty ? null : rowOf(this);
            getStyleClass().remove("inferred-origin");
            if (message == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            Origin origin = origins.of(message);
            String copies = collapse.explanation(message);
            setText(text);
            if (origin.inferred()) {
                getStyleClass().add("inferred-origin");
            }
            tip.setText(origins.explanation(origin) + (copies == null ? "" : "\n" + copies));
            setTooltip(tip);
        }
    }
}
