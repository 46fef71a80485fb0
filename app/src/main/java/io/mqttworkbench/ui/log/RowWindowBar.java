package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Under the message table while it shows part of the log ({@link RowWindow}): which rows of how many, and
 * buttons to page towards older and newer ones. Scrolling past the top or the bottom of the window pages too,
 * keeping the rows in view where they were, so reading back through a long log feels like one list.
 */
public final class RowWindowBar {
    private final MessageLogViewModel log;
    private final TableView<ReceivedMessage> table;
    private final Texts texts;

    RowWindowBar(MessageLogViewModel log, TableView<ReceivedMessage> table, Texts texts) {
        this.log = log;
        this.table = table;
        this.texts = texts;
    }

    Node build() {
        Label position = new Label();
        position.setId("logWindowPosition");
        position.getStyleClass().add(UiStyles.SECONDARY);
        position.textProperty().bind(log.paging().windowPositionProperty());
        Button older = button("log.window.older", Feather.CHEVRON_UP, "logShowOlder");
        older.disableProperty().bind(log.paging().olderAvailableProperty().not());
        older.setOnAction(e -> older());
        Button newer = button("log.window.newer", Feather.CHEVRON_DOWN, "logShowNewer");
        newer.disableProperty().bind(log.paging().newerAvailableProperty().not());
        newer.setOnAction(e -> newer());
        Button newest = button("log.window.newest", Feather.CHEVRONS_DOWN, "logShowNewest");
        newest.disableProperty().bind(log.paging().newerAvailableProperty().not().and(log.followingProperty()));
        newest.setOnAction(e -> {
            log.paging().showNewest();
            scrollToEnd();
        });
        for (Button b : new Button[] {older, newer, newest}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the text gives way, not the buttons
        }
        position.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(6, position, spacer, older, newer, newest);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-window-bar");
        bar.managedProperty().bind(position.textProperty().isNotEmpty());
        bar.visibleProperty().bind(bar.managedProperty());
        table.addEventFilter(ScrollEvent.SCROLL, this::pageAtTheEdges);
        return bar;
    }

    private void pageAtTheEdges(ScrollEvent event) {
        ScrollBar bar = verticalScrollBar();
        if (bar == null || !bar.isVisible()) {
            return;
        }
        if (event.getDeltaY() > 0 && bar.getValue() <= bar.getMin() && log.paging().olderAvailableProperty().get()) {
            older();
            event.consume();
        } else if (event.getDeltaY() < 0 && bar.getValue() >= bar.getMax() && log.paging().newerAvailableProperty().get()) {
            newer();
            event.consume();
        }
    }

    private void older() {
        int top = firstVisibleIndex();
        int added = log.paging().showOlder();
        table.scrollTo(Math.max(0, top + added - 1)); // the same rows stay in view, one older row above them
    }

    private void newer() {
        int top = firstVisibleIndex();
        int removed = log.paging().showNewer();
        table.scrollTo(Math.max(0, top - removed + 1));
    }

    private void scrollToEnd() {
        if (!table.getItems().isEmpty()) {
            table.scrollTo(table.getItems().size() - 1);
        }
    }

    private int firstVisibleIndex() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null) {
                return first.getIndex();
            }
        }
        return 0;
    }

    private ScrollBar verticalScrollBar() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar;
            }
        }
        return null;
    }

    /** A button with the text of {@code key} and the tooltip of {@code key.tooltip}. */
    private Button button(String key, Feather icon, String id) {
        Button button = new Button(texts.text(key), new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip(texts.text(key + ".tooltip")));
        return button;
    }
}
