package io.mqttworkbench.ui.tree;

import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicStats;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One level of the topic tree: its name, the last payload in short, a retained mark, messages per
 * second and the message counts. Rows that just received something flash (CSS :fresh), folded ones
 * whose subtree did glow more softly (:fresh-below).
 */
public final class TopicCell extends TreeCell<TopicNode> {

    static final long FLASH_NANOS = 900_000_000L;
    private static final int PREVIEW_CHARS = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final PseudoClass FRESH_BELOW = PseudoClass.getPseudoClass("fresh-below");
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("system");
    private static final PseudoClass EMPTY_NAME = PseudoClass.getPseudoClass("empty-name");
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");

    private final TopicTreeViewModel viewModel;
    private final Texts texts;
    private final Label name = new Label();
    private final Label preview = new Label();
    private final FontIcon retained = new FontIcon(Feather.BOOKMARK);
    private final Label rate = new Label();
    private final Label time = new Label();
    private final Label count = new Label();
    private final HBox graphic;
    private ReceivedMessage previewOf;

    TopicCell(TopicTreeViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        getStyleClass().add("topic-cell");
        name.getStyleClass().add("topic-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        preview.getStyleClass().addAll("topic-preview", UiStyles.MONOSPACE);
        preview.setMinWidth(0);
        retained.getStyleClass().add("retained-mark");
        rate.getStyleClass().add("topic-rate");
        rate.setMinWidth(Region.USE_PREF_SIZE);
        time.getStyleClass().add("topic-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().add("topic-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(preview, Priority.ALWAYS);
        preview.setMaxWidth(Double.MAX_VALUE);
        graphic = new HBox(8, name, preview, retained, rate, time, count);
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setMinWidth(0);
        setPrefWidth(0); // fit the tree's width: the preview gives way, the figures stay
    }

    @Override
    protected void updateItem(TopicNode node, boolean empty) {
        super.updateItem(node, empty);
        previewOf = null; // a reused cell must not show the last row's message
        preview.setText("");
        time.setText("");
        if (empty || node == null) {
            setGraphic(null);
            setText(null);
            pseudoClassStateChanged(FRESH, false);
            pseudoClassStateChanged(FRESH_BELOW, false);
            return;
        }
        name.setText(node.name().isEmpty() ? texts.text("tree.cell.empty.level") : node.name());
        name.pseudoClassStateChanged(EMPTY_NAME, node.name().isEmpty());
        name.pseudoClassStateChanged(SYSTEM, node.isSystem());
        name.pseudoClassStateChanged(MATCH, viewModel.matches(node));
        setText(null);
        setGraphic(graphic);
        show(viewModel.stats(node), viewModel.nowNanos());
    }

    /** Shows the figures; the view calls this for every visible row once per repaint. */
    void show(TopicStats stats, long nowNanos) {
        if (stats == null || getItem() != stats.node()) {
            return;
        }
        ReceivedMessage last = stats.last();
        if (last != previewOf) {
            previewOf = last;
            preview.setText(last == null ? "" : last.payloadSize() == 0 ? texts.text("tree.payload.empty") : PayloadPreview.of(last.payload(), PREVIEW_CHARS));
            time.setText(last == null ? "" : TIME.format(Instant.ofEpochMilli(last.receivedEpochMillis())));
        }
        retained.setVisible(stats.retained());
        retained.setManaged(stats.retained());
        boolean folded = getTreeItem() != null && !getTreeItem().isExpanded();
        double perSecond = folded || stats.ownCount() == 0 ? stats.subtreeRate() : stats.ownRate();
        rate.setText(perSecond >= 0.05 ? texts.format("tree.cell.rate", Rates.format(perSecond, texts.locale())) : "");
        count.setText(counts(stats));
        boolean fresh = stats.lastNanos() != 0 && nowNanos - stats.lastNanos() < FLASH_NANOS;
        boolean freshBelow = !fresh && folded && stats.subtreeLastNanos() != 0 && nowNanos - stats.subtreeLastNanos() < FLASH_NANOS;
        pseudoClassStateChanged(FRESH, fresh);
        pseudoClassStateChanged(FRESH_BELOW, freshBelow);
    }

    /**
     * The skin sizes a graphic to its preferred width, which for a long preview is wider than the row;
     * stretch or shrink it to the row instead, so the preview gives way and the figures stay in view.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (getGraphic() == graphic) {
            double width = getWidth() - snappedRightInset() - graphic.getLayoutX();
            if (width > 0 && Math.abs(graphic.getWidth() - width) > 0.5) {
                graphic.resize(width, graphic.getHeight());
                graphic.layout();
            }
        }
    }

    /** "12" for a topic alone; "12 · 340 below in 5 topics" when there is more under it. */
    private String counts(TopicStats stats) {
        long below = stats.subtreeCount() - stats.ownCount();
        if (stats.childCount() == 0) {
            return texts.number(stats.ownCount());
        }
        int topicsBelow = stats.topicsBelow() - (stats.ownCount() > 0 ? 1 : 0);
        String under = texts.format(topicsBelow == 1 ? "tree.cell.below.one" : "tree.cell.below.other", topicsBelow, below);
        return stats.ownCount() > 0 ? texts.number(stats.ownCount()) + " · " + under : under;
    }
}
