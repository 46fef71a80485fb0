package io.mqttworkbench.ui.tree;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the topic tree's context menu does with a topic: subscribe to its subtree, start a message to
 * it, delete its retained message or all retained messages under it (by publishing empty retained
 * messages, as MQTT prescribes), and remove its subtree's messages from the history on disk.
 */
public final class TopicActions {

    /** How many topics the confirmation names before it says "and N more". */
    static final int LISTED_IN_CONFIRMATION = 12;

    private final TopicTree tree;
    private final Supplier<BrokerConnection> connected;
    private final SubscriptionsViewModel subscriptions;
    private final java.util.function.Consumer<String> publishTo;
    private final java.util.function.Consumer<TopicNode> clearStored;
    private final DialogService dialogs;
    private final Executor ui;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** @param clearStored removes a node's subtree from the history on disk, asking first */
    public TopicActions(TopicTree tree, Supplier<BrokerConnection> connected, SubscriptionsViewModel subscriptions,
                 java.util.function.Consumer<String> publishTo, java.util.function.Consumer<TopicNode> clearStored,
                 DialogService dialogs, Executor ui) {
        this.tree = tree;
        this.connected = connected;
        this.subscriptions = subscriptions;
        this.publishTo = publishTo;
        this.clearStored = clearStored;
        this.dialogs = dialogs;
        this.ui = ui;
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
            notice.set("Could not subscribe to " + filter + ": " + form.problemProperty().get());
            return;
        }
        int paused = 0;
        for (SubscriptionRow row : List.copyOf(subscriptions.rows())) {
            if (!row.filter().equals(filter) && !row.paused()) {
                subscriptions.setPaused(row, true);
                paused++;
            }
        }
        notice.set("Subscribed to " + filter + (paused == 0 ? "" : String.format(Locale.ROOT,
                "; paused %d other subscription%s (resume in the list)", paused, paused == 1 ? "" : "s")));
    }

    /** Puts the topic into the publish form (whatever {@code publishTo} was given). */
    public void publishTo(TopicNode node) {
        publishTo.accept(node.topic());
    }

    /** Removes the stored messages of the node and everything under it from the disk, after asking. */
    public void clearStoredHistory(TopicNode node) {
        clearStored.accept(node);
    }

    public void deleteRetained(TopicNode node) {
        delete(List.of(node.topic()), node.topic());
    }

    /** Deletes every retained message this client has seen at or under the node, after confirming with the list. */
    public void deleteRetainedUnder(TopicNode node) {
        List<String> topics = tree.retainedTopics(node);
        String where = node.isRoot() ? "the whole tree" : node.subtreeFilter();
        if (topics.isEmpty()) {
            dialogs.showInfo("No retained messages", "No retained message has been received under " + where
                    + ". Retained messages arrive when subscribing; subscribe to " + node.subtreeFilter() + " to see them all.");
            return;
        }
        StringBuilder list = new StringBuilder();
        topics.stream().limit(LISTED_IN_CONFIRMATION).forEach(t -> list.append("\n  ").append(t));
        if (topics.size() > LISTED_IN_CONFIRMATION) {
            list.append(String.format(Locale.ROOT, "%n  … and %,d more", topics.size() - LISTED_IN_CONFIRMATION));
        }
        String message = String.format(Locale.ROOT, "Delete %,d retained message%s under %s? Each is replaced by an empty retained "
                + "message, which the broker takes as deletion. This cannot be undone.%n%s", topics.size(), topics.size() == 1 ? "" : "s",
                where, list);
        if (dialogs.confirm("Delete retained messages", message, "Delete " + topics.size())) {
            delete(topics, where);
        }
    }

    private void delete(List<String> topics, String where) {
        BrokerConnection connection = connected.get();
        if (connection == null) {
            dialogs.showError("Not connected", "Connect first: deleting a retained message means publishing to the broker.");
            return;
        }
        notice.set(String.format(Locale.ROOT, "Deleting %,d retained message%s…", topics.size(), topics.size() == 1 ? "" : "s"));
        List<CompletableFuture<PublishOutcome>> sends = new ArrayList<>();
        for (String topic : topics) {
            // QoS 1, so the broker confirms each deletion.
            sends.add(connection.publish(new PublishRequest(topic, new byte[0], 1, true)));
        }
        CompletableFuture.allOf(sends.stream().map(f -> f.handle((o, e) -> null)).toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ignored, error) -> report(topics, sends, where), ui);
    }

    private void report(List<String> topics, List<CompletableFuture<PublishOutcome>> sends, String where) {
        int deleted = 0;
        String firstProblem = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                PublishOutcome outcome = sends.get(i).join();
                if (outcome.success()) {
                    deleted++;
                    tree.retainedDeleted(topics.get(i));
                } else if (firstProblem == null) {
                    firstProblem = topics.get(i) + ": " + outcome.description();
                }
            } catch (RuntimeException e) {
                if (firstProblem == null) {
                    firstProblem = topics.get(i) + ": " + ConnectionException.unwrap(e).getMessage();
                }
            }
        }
        String text = String.format(Locale.ROOT, "Deleted %,d retained message%s under %s", deleted, deleted == 1 ? "" : "s", where);
        if (firstProblem != null) {
            text += String.format(Locale.ROOT, "; %,d failed (first: %s)", sends.size() - deleted, firstProblem);
            dialogs.showError("Some retained messages were not deleted", text);
        }
        notice.set(text);
    }
}
