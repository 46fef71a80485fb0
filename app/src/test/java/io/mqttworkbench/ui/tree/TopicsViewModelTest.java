package io.mqttworkbench.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.topic.BrokerStatistics;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.broker.BrokerStatsViewModel;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The topic tree's view models and actions against real brokers: retained marks, deleting them, $SYS figures. */
class TopicsViewModelTest extends LiveWorkspaceTest {


    private static TopicNode node(ConnectionViewModel connection, String topic) {
        return connection.traffic().tree().find(topic);
    }

    private void publishAndWait(ConnectionViewModel connection, String topic, String payload, boolean retain) throws Exception {
        LiveWorkspace.publish(connection, topic, payload, retain);
        live.runUntil("PUBACK for " + topic, () -> connection.publishing().resultProperty().get().contains("PUBACK"));
    }

    @Test
    void retainedMessagesAreMarkedOnSubscribeAndDeletingASubtreeClearsThemAtTheBroker() throws Exception {
        String base = "retained-" + System.nanoTime();
        ConnectionViewModel connection = connectedAtQos1();
        for (String topic : List.of("/a/1", "/a/2", "/a/deep/3", "/b/1")) {
            publishAndWait(connection, base + topic, "kept " + topic, true);
        }
        // Acknowledged before subscribing: otherwise the SUBSCRIBE can overtake it and the message arrives live.
        publishAndWait(connection, base + "/a/live", "not retained", false);

        live.subscribe(connection, base + "/#", 1);
        live.runUntil("retained arrive", () -> node(connection, base + "/b/1") != null && node(connection, base + "/a/deep/3") != null);
        TopicTree tree = connection.traffic().tree();
        assertThat(tree.stats(node(connection, base + "/a/1"), System.nanoTime()).retained()).isTrue();
        assertThat(tree.stats(node(connection, base + "/a/deep/3"), System.nanoTime()).retained()).isTrue();
        assertThat(node(connection, base + "/a/live")).as("sent before the subscription, not retained").isNull();
        assertThat(tree.retainedTopics(node(connection, base + "/a")))
                .containsExactlyInAnyOrder(base + "/a/1", base + "/a/2", base + "/a/deep/3");

        live.dialogs.confirmations.push(true);
        connection.topicActions().deleteRetainedUnder(node(connection, base + "/a"));
        live.runUntil("the broker's answer", () -> !live.dialogs.asked.isEmpty());
        assertThat(live.dialogs.asked).anyMatch(q -> q.contains("holds 3 retained messages") && q.contains(" under " + base + "/a/#")
                && q.contains(base + "/a/deep/3"));
        live.runUntil("deleted", () -> connection.topicActions().noticeProperty().get().startsWith("Deleted 3 retained messages"));
        assertThat(tree.stats(node(connection, base + "/a/1"), System.nanoTime()).retained()).isFalse();
        assertThat(tree.stats(node(connection, base + "/b/1"), System.nanoTime()).retained()).isTrue();

        assertThat(retainedAtTheBroker(base)).containsExactly(base + "/b/1");
    }

    /**
     * Issue 18: messages retained while the window was already subscribed to # reach it without the retain
     * flag, yet the broker keeps them. Deleting asks the broker what it holds, so they are found and deleted.
     */
    @Test
    void retainedMessagesThatArrivedWithoutTheFlagAreFoundAtTheBrokerAndDeleted() throws Exception {
        String base = "unflagged-" + System.nanoTime();
        ConnectionViewModel connection = connectedAtQos1();
        publishAndWait(connection, base + "/a/b", "before", true);
        publishAndWait(connection, base + "/a/c/d", "before", true);
        publishAndWait(connection, base + "/a/c/10", "before", true);
        publishAndWait(connection, base + "/a/c/9", "before", true);
        live.subscribe(connection, "#", 1);
        live.runUntil("retained arrive", () -> node(connection, base + "/a/c/d") != null);
        for (String topic : List.of("/a/b", "/a/e", "/x/y")) {
            publishAndWait(connection, base + topic, "while subscribed", true);
        }
        publishAndWait(connection, base + "/a/live", "not retained", false);
        live.runUntil("live copies arrive", () -> node(connection, base + "/a/live") != null);
        TopicTree tree = connection.traffic().tree();
        assertThat(tree.stats(node(connection, base + "/a/e"), System.nanoTime()).retained()).as("arrived without the flag").isFalse();

        // From the inner node: the broker holds all three, whatever the tree saw.
        live.dialogs.confirmations.push(true);
        connection.topicActions().deleteRetainedUnder(node(connection, base + "/a"));
        live.runUntil("the broker's answer", () -> !live.dialogs.asked.isEmpty());
        String question = live.dialogs.asked.get(0);
        assertThat(question).contains("holds 5 retained messages", base + "/a/b", base + "/a/c/d", base + "/a/e")
                .doesNotContain(base + "/a/live");
        assertThat(question.indexOf(base + "/a/c/9 ")).as("listed in the tree's order").isLessThan(question.indexOf(base + "/a/c/10 "));
        live.runUntil("deleted", () -> connection.topicActions().noticeProperty().get().equals("Deleted 5 retained messages under " + base + "/a/#; the broker holds none there now"));
        assertThat(retainedAtTheBroker(base)).containsExactly(base + "/x/y");

        // Nothing left: it says so, and asks nothing.
        connection.topicActions().deleteRetainedUnder(node(connection, base + "/a"));
        live.runUntil("the empty answer", () -> connection.topicActions().noticeProperty().get()
                .equals("The broker holds no retained messages under " + base + "/a/#."));
        connection.topicActions().deleteRetained(node(connection, base + "/a/live"));
        live.runUntil("the empty answer for a leaf", () -> connection.topicActions().noticeProperty().get()
                .equals("The broker holds no retained message on " + base + "/a/live."));
        assertThat(live.dialogs.asked).hasSize(1);

        // From a leaf the tree never saw retained.
        connection.topicActions().deleteRetained(node(connection, base + "/x/y"));
        live.runUntil("leaf deleted", () -> connection.topicActions().noticeProperty().get()
                .equals("Deleted 1 retained message under " + base + "/x/y"));
        assertThat(retainedAtTheBroker(base)).isEmpty();
    }

    private ConnectionViewModel connectedAtQos1() throws InterruptedException {
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        connection.publishing().qosProperty().set(1);
        return connection;
    }

    /** What the broker retains under the base, seen by a client that subscribes afresh. */
    private static List<String> retainedAtTheBroker(String base) throws Exception {
        try (BrokerConnection fresh = new BrokerConnection("fresh", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            fresh.connect().get(15, TimeUnit.SECONDS);
            fresh.subscribe(SubscriptionRequest.of(base + "/#", 1)).get(10, TimeUnit.SECONDS);
            return Messages.collect(fresh.inbound(), Duration.ofMillis(800)).stream().map(ReceivedMessage::topic).toList();
        }
    }

    @Test
    void treeCountsFilterAndDetailFollowTheTraffic() throws Exception {
        String base = "counts-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        connection.publishing().qosProperty().set(1);
        for (int i = 0; i < 3; i++) {
            LiveWorkspace.publish(connection, base + "/room/temp", "{\"t\":" + (20 + i) + ",\"unit\":\"C\"}", false);
        }
        LiveWorkspace.publish(connection, base + "/room/door", "open", false);
        live.runUntil("4 messages", () -> node(connection, base + "/room") != null
                && connection.traffic().tree().stats(node(connection, base + "/room"), System.nanoTime()).subtreeCount() == 4);

        TopicTreeViewModel topics = connection.topics();
        topics.filterTextProperty().set(base + "/+/door");
        live.runUntil("filtered", topics::isFiltered);
        assertThat(topics.matches(node(connection, base + "/room/door"))).isTrue();
        assertThat(topics.matches(node(connection, base + "/room/temp"))).isFalse();
        assertThat(topics.filterInvalidProperty().get()).isFalse();
        topics.filterTextProperty().set(base + "/#/x");
        live.runUntil("searched as text, with the rule that failed", () -> topics.filterNoteProperty().get().contains("searched as text"));
        assertThat(topics.filterInvalidProperty().get()).isTrue();
        assertThat(topics.filterNoteProperty().get()).startsWith("0 of 2 topics").contains("#");

        topics.selectedProperty().set(node(connection, base + "/room/temp"));
        TopicDetailViewModel detail = connection.topicDetail();
        live.runUntil("history", () -> detail.history().size() == 3);
        live.runUntil("pretty JSON of the last value", () -> detail.valueProperty().get().text().contains("\"t\": 22"));
        assertThat(detail.valueProperty().get().kind()).isEqualToIgnoringCase("json");
        detail.selectedEntryProperty().set(detail.history().get(0));
        live.runUntil("diff", () -> detail.diffProperty().get() != null);
        assertThat(detail.diffProperty().get().summary()).isEqualTo("1 field changed");
        live.runUntil("chart", () -> detail.series().size() == 3);
        assertThat(detail.chartPathProperty().get()).isEqualTo("t");
        assertThat(detail.series()).extracting(TopicDetailViewModel.Point::value).containsExactly(20.0, 21.0, 22.0);
    }

    @Test
    void brokerStatisticsAppearOnceSubscribedToSys() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip("/mosquitto/mosquitto-sys.conf", Map.of(), "tcpPort")) {
            open(List.of(Profile.forUrl(mosquitto.tcpUrl())));
            ConnectionViewModel connection = live.connect(0);
            live.subscribe(connection, "#", 0);
            BrokerStatsViewModel stats = connection.brokerStats();
            live.runFor(Duration.ofMillis(1500));
            assertThat(stats.readings()).as("# does not match $SYS topics").isEmpty();
            assertThat(stats.receivingSysProperty().get()).isFalse();
            assertThat(stats.hintProperty().get()).contains("$SYS/#");

            assertThat(stats.subscribeToSys()).isTrue();
            live.runUntil("figures with a rate", () -> stats.readings().stream()
                    .anyMatch(r -> r.figure() == BrokerStatistics.Figure.RECEIVED_RATE));
            assertThat(stats.receivingSysProperty().get()).isTrue();
            assertThat(stats.headingProperty().get()).startsWith("mosquitto · updated");
            assertThat(stats.readings()).extracting(BrokerStatistics.Reading::figure)
                    .contains(BrokerStatistics.Figure.VERSION, BrokerStatistics.Figure.UPTIME, BrokerStatistics.Figure.CLIENTS_CONNECTED);
            assertThat(stats.readings()).filteredOn(r -> r.figure() == BrokerStatistics.Figure.CLIENTS_CONNECTED)
                    .extracting(BrokerStatistics.Reading::value).containsExactly("1");
            assertThat(stats.readings()).filteredOn(r -> r.figure() == BrokerStatistics.Figure.VERSION)
                    .extracting(BrokerStatistics.Reading::value).allMatch(v -> v.matches("\\d+\\.\\d+.*"));
        }
    }
}
