package io.mqttworkbench.ui.tree;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the topic tree's context menu does with a topic: subscribe to its subtree, start a message to
 * it, delete its retained message or all retained messages the broker holds under it ({@link RetainedDeletion}),
 * and remove its subtree's messages from the history on disk.
 */
public final class TopicActions {

    private final SubscriptionsViewModel subscriptions;
    private final java.util.function.Consumer<String> publishTo;
    private final java.util.function.Consumer<TopicNode> clearStored;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final RetainedDeletion retained;
    private final Texts texts;

    /** @param clearStored removes a node's subtree from the history on disk, asking first */
    public TopicActions(TopicTree tree, Supplier<BrokerConnection> connected, SubscriptionsViewModel subscriptions,
                 java.util.function.Consumer<String> publishTo, java.util.function.Consumer<TopicNode> clearStored,
                 DialogService dialogs, Executor ui, Texts texts) {
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.publishTo = publishTo;
        this.clearStored = clearStored;
        this.retained = new RetainedDeletion(tree, connected, dialogs, ui, notice::set, texts);
    }

    /** The outcome of the last action, for the tree's status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Narrows what is shown to the node and everything below it: subscribes to {@code topic/#} and pauses
     * the other subscriptions (reversibly: they stay at the broker and resume with one click).
     */
    public void subscribeToSubtree(TopicNode node) {
        String filter = node.subtreeFilter();
        SubscriptionForm form = subscriptions.form();
        subscriptions.cancelEdit();
        form.kindProperty().set(io.mqttworkbench.topic.SubscriptionKind.NORMAL);
        form.filterProperty().set(filter);
        if (!subscriptions.submit()) {
            notice.set(texts.format("tree.subscribe.failed", filter, form.problemProperty().get()));
            return;
        }
        int paused = 0;
        for (SubscriptionRow row : List.copyOf(subscriptions.rows())) {
            if (!row.filter().equals(filter) && !row.paused()) {
                subscriptions.setPaused(row, true);
                paused++;
            }
        }
        notice.set(paused == 0 ? texts.format("tree.subscribe.done", filter)
                : texts.format(paused == 1 ? "tree.subscribe.paused.one" : "tree.subscribe.paused.other", filter, paused));
    }

    /** Puts the topic into the publish form (whatever {@code publishTo} was given). */
    public void publishTo(TopicNode node) {
        publishTo.accept(node.topic());
    }

    /** Removes the stored messages of the node and everything under it from the disk, after asking. */
    public void clearStoredHistory(TopicNode node) {
        clearStored.accept(node);
    }

    /** Deletes the topic's own retained message (asking the broker first when the tree did not see it retained). */
    public void deleteRetained(TopicNode node) {
        retained.deleteOne(node);
    }

    /** Asks the broker which retained messages it holds at or under the node, then deletes those after confirming with the list. */
    public void deleteRetainedUnder(TopicNode node) {
        retained.deleteUnder(node);
    }

    /** True while the broker is being asked what it retains; the tree offers Stop meanwhile. */
    public ReadOnlyBooleanProperty retainedScanningProperty() {
        return retained.scanningProperty();
    }

    /** Stops asking the broker what it retains. */
    public void stopRetainedScan() {
        retained.cancel();
    }
}
