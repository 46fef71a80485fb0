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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
    private RetainedScan scan; // JavaFX thread only

    RetainedDeletion(TopicTree tree, Supplier<BrokerConnection> connected, DialogService dialogs, Executor ui, Consumer<String> notice) {
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
                nothing("The broker holds no retained message on " + topic + ".");
            } else {
                delete(List.of(topic), topic, deleted -> { });
            }
        });
    }

    /** Asks the broker what it retains at or under the node, lists it for confirmation and deletes exactly that. */
    void deleteUnder(TopicNode node) {
        String where = node.isRoot() ? "the whole tree (#)" : node.subtreeFilter();
        ask(node.subtreeFilter(), where, found -> confirmAndDelete(found, node.subtreeFilter(), where, 0));
    }

    private void ask(String filter, String where, Consumer<RetainedScan.Result> then) {
        BrokerConnection connection = connected.get();
        if (connection == null) {
            dialogs.showError("Not connected", "Connect first: the broker is asked which retained messages it holds, "
                    + "and deleting one means publishing to it.");
            return;
        }
        if (scan != null) {
            notice.accept("Still asking the broker about " + scan.filter() + " (Stop ends that)");
            return;
        }
        String asking = "Asking the broker what it retains under " + where + "…";
        notice.accept(asking);
        scanning.set(true);
        RetainedScan started = RetainedScan.start(connection.settings(), filter,
                count -> ui.execute(() -> {
                    if (scanning.get()) {
                        notice.accept(String.format(Locale.ROOT, "%s %,d found", asking, count));
                    }
                }));
        scan = started;
        started.result().whenCompleteAsync((found, error) -> {
            scan = null;
            scanning.set(false);
            if (error == null) {
                then.accept(found);
            } else if (error instanceof CancellationException || error.getCause() instanceof CancellationException) {
                notice.accept("Stopped asking the broker for its retained messages under " + where);
            } else {
                String why = ConnectionException.unwrap(error).getMessage();
                notice.accept("Could not ask the broker for its retained messages: " + why);
                dialogs.showError("Could not look for retained messages", why);
            }
        }, ui);
    }

    private void nothing(String text) {
        notice.accept(text);
        dialogs.showInfo("No retained messages", text);
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
        String done = String.format(Locale.ROOT, "Deleted %,d retained message%s under %s", deletedBefore, plural(deletedBefore), where);
        if (topics.isEmpty()) {
            if (deletedBefore == 0) {
                nothing("The broker holds no retained messages under " + where + ".");
            } else {
                notice.accept(done + "; the broker holds none there now");
            }
            return;
        }
        StringBuilder list = new StringBuilder();
        listed.stream().limit(LISTED_IN_CONFIRMATION)
                .forEach(t -> list.append("\n  ").append(t.topic()).append("  (").append(Sizes.bytes(t.payloadSize())).append(')'));
        if (topics.size() > LISTED_IN_CONFIRMATION) {
            list.append(String.format(Locale.ROOT, "%n  … and %,d more", topics.size() - LISTED_IN_CONFIRMATION));
        }
        String partial = found.complete() ? "" : String.format(Locale.ROOT, "%nThe broker was still sending when the search stopped "
                + "at %,d: these go first, then it asks again.", topics.size());
        String holds = String.format(Locale.ROOT, "%s %,d retained message%s (%s) under %s", deletedBefore == 0 ? "The broker holds"
                : done + "; the broker still holds", topics.size(), plural(topics.size()), Sizes.bytes(found.totalBytes()), where);
        notice.accept(holds); // stays if the user keeps them
        String message = String.format(Locale.ROOT, "%s. Delete %s? Each is replaced by an empty retained message, which the broker "
                + "takes as deletion. This cannot be undone.%s%n%s", holds, topics.size() == 1 ? "it" : "them", partial, list);
        if (dialogs.confirm("Delete retained messages", message, String.format(Locale.ROOT, "Delete %,d", topics.size()))) {
            delete(topics, where, deleted -> ask(filter, where, again -> confirmAndDelete(again, filter, where, deletedBefore + deleted)));
        }
    }

    /** @param allDeleted told how many were deleted, on the JavaFX thread, when every deletion succeeded */
    private void delete(List<String> topics, String where, IntConsumer allDeleted) {
        BrokerConnection connection = connected.get();
        if (connection == null) {
            dialogs.showError("Not connected", "Connect first: deleting a retained message means publishing to the broker.");
            return;
        }
        notice.accept(String.format(Locale.ROOT, "Deleting %,d retained message%s…", topics.size(), plural(topics.size())));
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
                    firstProblem = topics.get(i) + ": " + outcome.description();
                }
            } catch (RuntimeException e) {
                if (firstProblem == null) {
                    firstProblem = topics.get(i) + ": " + ConnectionException.unwrap(e).getMessage();
                }
            }
        }
        String text = String.format(Locale.ROOT, "Deleted %,d retained message%s under %s", deleted, plural(deleted), where);
        if (firstProblem != null) {
            text += String.format(Locale.ROOT, "; %,d failed (first: %s)", sends.size() - deleted, firstProblem);
            dialogs.showError("Some retained messages were not deleted", text);
        }
        notice.accept(text);
        return firstProblem == null;
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
