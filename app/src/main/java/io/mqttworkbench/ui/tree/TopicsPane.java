package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.SplitPositions;
import io.mqttworkbench.ui.common.WindowLayout;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/** The topic tree and the selected topic's details, below it or right of it as the window's layout says. */
public final class TopicsPane {
    private final TopicTreeViewModel topics;
    private final TopicActions actions;
    private final TopicDetailViewModel detail;
    private final WindowLayout layout;

    public TopicsPane(TopicTreeViewModel topics, TopicActions actions, TopicDetailViewModel detail, WindowLayout layout) {
        this.layout = layout;
        this.topics = topics;
        this.actions = actions;
        this.detail = detail;
    }

    public Node build() {
        Node tree = new TopicTreeView(topics, actions).build();
        Node details = new TopicDetailPane(detail).build();
        SplitPane split = new SplitPane(tree, details);
        split.setId("topicsSplit");
        SplitPositions.followDetail(split, layout, "tree", 0.68, 0.55);
        return split;
    }
}
