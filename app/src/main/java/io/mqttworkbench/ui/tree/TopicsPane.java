package io.mqttworkbench.ui.tree;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The topic tree and the selected topic's details: side by side when there is room, the details below
 * the tree in a narrower window, so neither is squeezed into a column too thin to read.
 */
public final class TopicsPane {
    /** Below this width the two sit one above the other. */
    static final double SIDE_BY_SIDE_FROM = 980;

    private final TopicTreeViewModel topics;
    private final TopicActions actions;
    private final TopicDetailViewModel detail;

    public TopicsPane(TopicTreeViewModel topics, TopicActions actions, TopicDetailViewModel detail) {
        this.topics = topics;
        this.actions = actions;
        this.detail = detail;
    }

    public Node build() {
        Node tree = new TopicTreeView(topics, actions).build();
        Node details = new TopicDetailPane(detail).build();
        SplitPane split = new SplitPane(tree, details);
        split.setId("topicsSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        split.widthProperty().addListener((obs, old, width) -> {
            Orientation wanted = width.doubleValue() >= SIDE_BY_SIDE_FROM ? Orientation.HORIZONTAL : Orientation.VERTICAL;
            if (split.getOrientation() != wanted) {
                split.setOrientation(wanted);
                split.setDividerPositions(wanted == Orientation.HORIZONTAL ? 0.55 : 0.52);
            }
        });
        return split;
    }
}
