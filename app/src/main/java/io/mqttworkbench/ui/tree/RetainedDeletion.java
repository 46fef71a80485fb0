package io.mqttworkbench.ui.tree;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.RetainedScan;
import io.mqttworkbench.topic.NaturalOrder;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Deleting retained messages from the tree (by publishing empty retained messages, as MQTT prescribes).
 * What the tree saw is not what the broker holds: messages retained while the user was already subscribed
 * arrived without the retain flag, and topics outside the user's subscriptions never arrived at all. So,
 * unless the tree saw the one topic's retained message itself, the broker is asked first ({@link RetainedScan},
 * in the background), and exactly what it holds is deleted.
 */
final class RetainedDeletion {

    /** How many topics the confirmation names before it says "and N more". */
    static final int LISTED_IN_CONFIRMATION = 12;

    private final TopicTree tree;
    private final Supplier<BrokerConnection> connected;
    private final DialogService dialogs;
    private final Executor ui;
    private final Consumer<String> notice;
    private final Texts texts;
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
    private RetainedScan scan; // JavaFX thread only

    RetainedDeletion(TopicTree tree, Supplier<BrokerConnection> connected, DialogService dialogs, Executor ui, Consumer<String> notice, Texts texts) {
        this.texts = texts;
        this.tree = tree;
        this.connected = connected;
        this.dialogs = dialogs;
        this.ui = ui;
        this.notice = notice;
    }

    /** True while the broker is being asked what it retains. */
    ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    void cancel() {
        if (scan != null) {
            scan.cancel();
        }
    }

    /** Deletes the topic's own retained message: at once if the tree saw it, else if the broker says it holds one. */
    void deleteOne(TopicNode node) {
        if (node.isRoot()) {
            return;
        }
        String topic = node.topic();
        if (tree.stats(node, System.nanoTime()).retained()) {
            delete(List.of(topic), topic, deleted -> { });
            return;
        }
        ask(topic, topic, found -> {
            if (found.topics().isEmpty()) {
                nothing(texts.format("tree.retained.none.on", topic));
            } else {
                delete(List.of(topic), topic, deleted -> { });
            }
        });
    }

    /** Asks the broker what it retains at or under the node, lists it for confirmation and deletes exactly that. */
    void deleteUnder(TopicNode node) {
        String where = node.isRoot() ? texts.text("tree.retained.whole") : node.subtreeFilter();
        ask(node.subtreeFilter(), where, found -> confirmAndDelete(found, node.subtreeFilter(), where, 0));
    }

    private void ask(String filter, String where, Consumer<RetainedScan.Result> then) {
        BrokerConnection connection = connected.get();
        if (connection == null) {
            dialogs.showError(texts.text("tree.retained.offline"), texts.text("tree.retained.offline.ask"));
            return;
        }
        if (scan != null) {
            notice.accept(texts.format("tree.retained.busy", scan.filter()));
            return;
        }
        notice.accept(texts.format("tree.retained.asking", where));
        scanning.set(true);
        RetainedScan started = RetainedScan.start(connection.settings(), filter,
                count -> ui.execute(() -> {
                    if (scanning.get()) {
                        notice.accept(texts.format("tree.retained.asking.found", where, count));
                    }
                }));
        scan = started;
        started.result().whenCompleteAsync((found, error) -> {
            scan = null;
            scanning.set(false);
            if (error == null) {
                then.accept(found);
            } else if (error instanceof CancellationException || error.getCause() instanceof CancellationException) {
                notice.accept(texts.format("tree.retained.stopped", where));
            } else {
                String why = ConnectionException.unwrap(error).getMessage();
                notice.accept(texts.format("tree.retained.failed", why));
                dialogs.showError(texts.text("tree.retained.failed.title"), why);
            }
        }, ui);
    }

    private void nothing(String text) {
        notice.accept(text);
        dialogs.showInfo(texts.text("tree.retained.none.title"), text);
    }

    /**
     * Lists what the broker holds, deletes it when the user agrees, then asks the broker again: a broker may send
     * only part of a large store at once (HiveMQ CE sent 104,000 to 108,000 of 130,000), and devices may retain
     * anew meanwhile. Each further round is confirmed again.
     *
     * @param deletedBefore how many earlier rounds deleted
     */
    private void confirmAndDelete(RetainedScan.Result found, String filter, String where, int deletedBefore) {
        List<RetainedScan.Found> listed = found.topics().stream()
                .sorted(Comparator.comparing(RetainedScan.Found::topic, NaturalOrder.INSTANCE)).toList(); // as the tree orders them
        List<String> topics = listed.stream().map(RetainedScan.Found::topic).toList();
        String done = deleted(deletedBefore, where);
        if (topics.isEmpty()) {
            if (deletedBefore == 0) {
                nothing(texts.format("tree.retained.none.under", where));
            } else {
                notice.accept(texts.format("tree.retained.none.now", done));
            }
            return;
        }
        StringBuilder list = new StringBuilder();
        listed.stream().limit(LISTED_IN_CONFIRMATION)
                .forEach(t -> list.append("\n  ").append(t.topic()).append("  (").append(Sizes.bytes(t.payloadSize())).append(')'));
        if (topics.size() > LISTED_IN_CONFIRMATION) {
            list.append("\n  ").append(texts.format("tree.retained.more", topics.size() - LISTED_IN_CONFIRMATION));
        }
        String partial = found.complete() ? "" : "\n" + texts.format("tree.retained.partial", topics.size());
        boolean one = topics.size() == 1;
        String size = Sizes.bytes(found.totalBytes());
        String holds = deletedBefore == 0
                ? texts.format(one ? "tree.retained.holds.one" : "tree.retained.holds.other", topics.size(), size, where)
                : texts.format(one ? "tree.retained.holds.still.one" : "tree.retained.holds.still.other", done, topics.size(), size, where);
        notice.accept(holds); // stays if the user keeps them
        String message = texts.format(one ? "tree.retained.confirm.one" : "tree.retained.confirm.other", holds) + partial + "\n" + list;
        if (dialogs.confirm(texts.text("tree.retained.confirm.title"), message, texts.format("tree.retained.confirm.button", topics.size()))) {
            delete(topics, where, deleted -> ask(filter, where, again -> confirmAndDelete(again, filter, where, deletedBefore + deleted)));
        }
    }

    /** @param allDeleted told how many were deleted, on the JavaFX thread, when every deletion succeeded */
    private void delete(List<String> topics, String where, IntConsumer allDeleted) {
        BrokerConnection connection = connected.get();
        if (connection == null) {
            dialogs.showError(texts.text("tree.retained.offline"), texts.text("tree.retained.offline.delete"));
            return;
        }
        notice.accept(texts.format(topics.size() == 1 ? "tree.retained.deleting.one" : "tree.retained.deleting.other", topics.size()));
        List<CompletableFuture<PublishOutcome>> sends = new ArrayList<>();
        for (String topic : topics) {
            // QoS 1, so the broker confirms each deletion.
            sends.add(connection.publish(new PublishRequest(topic, new byte[0], 1, true)));
        }
        CompletableFuture.allOf(sends.stream().map(f -> f.handle((o, e) -> null)).toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ignored, error) -> {
                    if (report(topics, sends, where)) {
                        allDeleted.accept(topics.size());
                    }
                }, ui);
    }

    /** Says how it went; true when every deletion succeeded. */
    private boolean report(List<String> topics, List<CompletableFuture<PublishOutcome>> sends, String where) {
        int deleted = 0;
        String firstProblem = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                PublishOutcome outcome = sends.get(i).join();
                if (outcome.success()) {
                    deleted++;
                    tree.retainedDeleted(topics.get(i));
                } else if (firstProblem == null) {
                    firstProblem = topics.get(i) + ": " + new ProblemTexts(texts).reasons(outcome.description());
                }
            } catch (RuntimeException e) {
                if (firstProblem == null) {
                    firstProblem = topics.get(i) + ": " + ConnectionException.unwrap(e).getMessage();
                }
            }
        }
        String text = deleted(deleted, where);
        if (firstProblem != null) {
            text = texts.format("tree.retained.deleted.failed", text, sends.size() - deleted, firstProblem);
            dialogs.showError(texts.text("tree.retained.partly.title"), text);
        }
        notice.accept(text);
        return firstProblem == null;
    }

    private String deleted(int count, String where) {
        return texts.format(count == 1 ? "tree.retained.deleted.one" : "tree.retained.deleted.other", count, where);
    }
}
