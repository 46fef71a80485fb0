package io.mqttworkbench.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree fed with recorded streams: arrival times are part of the recording, so every figure is exact. */
class TopicTreeTest {

    private static final long SECOND = 1_000_000_000L;
    /** An arbitrary nanoTime origin, far from zero like a real one. */
    private static final long T0 = 7_000 * SECOND;

    static ReceivedMessage message(String topic, String payload, long nanos, boolean retained) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, retained, false, nanos, nanos / 1_000_000,
                MessageProperties.NONE);
    }

    static ReceivedMessage message(String topic, String payload, long nanos) {
        return message(topic, payload, nanos, false);
    }

    @Test
    void countsEachTopicAndEverythingBelowIt() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(
                message("plant/line1/temp", "20", T0),
                message("plant/line1/temp", "21", T0 + 1),
                message("plant/line1", "running", T0 + 2),
                message("plant/line2/temp", "19", T0 + 3),
                message("office/door", "open", T0 + 4)));

        TopicStats plant = tree.stats(tree.find("plant"), T0);
        assertThat(plant.ownCount()).isZero();
        assertThat(plant.subtreeCount()).isEqualTo(4);
        assertThat(plant.topicsBelow()).isEqualTo(3);
        assertThat(plant.childCount()).isEqualTo(2);
        assertThat(plant.hasMessage()).isFalse();
        TopicStats line1 = tree.stats(tree.find("plant/line1"), T0);
        assertThat(line1.ownCount()).isEqualTo(1);
        assertThat(line1.subtreeCount()).isEqualTo(3);
        assertThat(new String(tree.stats(tree.find("plant/line1/temp"), T0).last().payload(), StandardCharsets.UTF_8)).isEqualTo("21");
        assertThat(tree.stats(tree.root(), T0).subtreeCount()).isEqualTo(5);
        assertThat(tree.topicCount()).isEqualTo(4);
        assertThat(tree.nodeCount()).isEqualTo(7);
        assertThat(tree.find("plant/line3")).isNull();
        assertThat(tree.find("plant/line1/temp").topic()).isEqualTo("plant/line1/temp");
        assertThat(tree.find("plant/line1/temp").subtreeFilter()).isEqualTo("plant/line1/temp/#");
    }

    @Test
    void emptyLevelsAreLevelsAndDollarTopicsComeLast() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(message("/leading", "x", T0), message("a//b", "x", T0), message("$SYS/broker/uptime", "5", T0),
                message("zeta", "x", T0), message("$share-like", "x", T0)));
        List<TopicNode> first = tree.children(tree.root(), TopicOrder.NAME, T0);
        assertThat(first).extracting(TopicNode::name).containsExactly("", "a", "zeta", "$share-like", "$SYS");
        assertThat(first.get(0).isSystem()).isFalse();
        assertThat(first.get(4).isSystem()).isTrue();
        assertThat(tree.find("a/").name()).isEmpty();
        assertThat(tree.find("a//b").depth()).isEqualTo(3);
        assertThat(tree.find("/leading").parent().name()).isEmpty();
    }

    @Test
    void sortsNamesLikePeopleCount() {
        TopicTree tree = new TopicTree();
        for (String name : List.of("line10", "line2", "Line1", "line1", "line02x", "alpha")) {
            tree.addAll(List.of(message("p/" + name, "x", T0)));
        }
        assertThat(tree.children(tree.find("p"), TopicOrder.NAME, T0)).extracting(TopicNode::name)
                .containsExactly("alpha", "Line1", "line1", "line2", "line02x", "line10");
    }

    @Test
    void measuresRatesOverTheLastSecondsAndSortsByActivity() {
        TopicTree tree = new TopicTree();
        List<ReceivedMessage> stream = new ArrayList<>();
        // Five seconds of 10 messages per second on busy/a, and one message per second on quiet/b.
        for (int i = 0; i < 50; i++) {
            stream.add(message("busy/a", "v" + i, T0 + i * (SECOND / 10)));
        }
        for (int i = 0; i < 5; i++) {
            stream.add(message("quiet/b", "v" + i, T0 + i * SECOND));
        }
        tree.addAll(stream);
        long now = T0 + 5 * SECOND;
        assertThat(tree.stats(tree.find("busy/a"), now).ownRate()).isCloseTo(10.0, within(0.01));
        assertThat(tree.stats(tree.find("busy"), now).subtreeRate()).isCloseTo(10.0, within(0.01));
        assertThat(tree.stats(tree.find("quiet/b"), now).ownRate()).isCloseTo(1.0, within(0.01));
        assertThat(tree.stats(tree.root(), now).subtreeRate()).isCloseTo(11.0, within(0.01));
        assertThat(tree.children(tree.root(), TopicOrder.ACTIVITY, now)).extracting(TopicNode::name).containsExactly("busy", "quiet");
        assertThat(tree.children(tree.root(), TopicOrder.NAME, now)).extracting(TopicNode::name).containsExactly("busy", "quiet");

        // Ten silent seconds later everything has calmed down.
        assertThat(tree.stats(tree.find("busy/a"), now + 10 * SECOND).ownRate()).isZero();
        // A topic seen for the first time half a second ago is not averaged over the whole window.
        tree.addAll(List.of(message("new/c", "1", now), message("new/c", "2", now + SECOND / 4)));
        assertThat(tree.stats(tree.find("new/c"), now + SECOND / 2).ownRate()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void marksRetainedMessagesUntilTheyAreDeleted() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(message("cfg/a", "on", T0, true), message("cfg/b", "off", T0, false)));
        assertThat(tree.stats(tree.find("cfg/a"), T0).retained()).isTrue();
        assertThat(tree.stats(tree.find("cfg/b"), T0).retained()).isFalse();

        // A live update on a retained topic does not mean the retained message is gone.
        tree.addAll(List.of(message("cfg/a", "off", T0 + 1, false)));
        assertThat(tree.stats(tree.find("cfg/a"), T0).retained()).isTrue();
        assertThat(tree.retainedTopics(tree.find("cfg"))).containsExactly("cfg/a");

        // An empty payload is how a deleted retained message reaches a subscriber.
        tree.addAll(List.of(message("cfg/a", "", T0 + 2, false)));
        assertThat(tree.stats(tree.find("cfg/a"), T0).retained()).isFalse();
        assertThat(tree.retainedTopics(tree.root())).isEmpty();

        tree.addAll(List.of(message("cfg/c", "x", T0, true)));
        tree.retainedDeleted("cfg/c");
        assertThat(tree.stats(tree.find("cfg/c"), T0).retained()).isFalse();
    }

    @Test
    void keepsTheLastMessagesOfEachTopic() {
        TopicTree tree = new TopicTree(TopicTree.Limits.defaults().withHistoryPerTopic(3));
        for (int i = 1; i <= 5; i++) {
            tree.addAll(List.of(message("h/t", "m" + i, T0 + i)));
        }
        assertThat(tree.history(tree.find("h/t"))).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("m3", "m4", "m5");
        assertThat(tree.history(tree.find("h"))).isEmpty();
        tree.setHistoryPerTopic(1);
        assertThat(tree.history(tree.find("h/t"))).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8)).containsExactly("m5");
        tree.setHistoryPerTopic(10);
        tree.addAll(List.of(message("h/t", "m6", T0 + 6)));
        assertThat(tree.history(tree.find("h/t"))).hasSize(2);
    }

    @Test
    void historiesShareABudgetAndTheQuietestGiveWayFirst() {
        int entry = TopicTree.ENTRY_OVERHEAD_BYTES + 1 + 3; // one-byte payload, three-character topic
        TopicTree tree = new TopicTree(new TopicTree.Limits(100, 10L * entry, 1000));
        for (int i = 0; i < 6; i++) {
            tree.addAll(List.of(message("q/a", "x", T0 + i)));
        }
        for (int i = 0; i < 6; i++) {
            tree.addAll(List.of(message("q/b", "x", T0 + 10 + i)));
        }
        assertThat(tree.historyBytes()).isLessThanOrEqualTo(10L * entry);
        // q/a was updated longest ago: it lost its oldest entries, never its last one.
        assertThat(tree.history(tree.find("q/a"))).hasSize(4);
        assertThat(tree.history(tree.find("q/b"))).hasSize(6);
        assertThat(tree.trimmedHistory()).isEqualTo(2);
        assertThat(tree.stats(tree.find("q/a"), T0).last()).isNotNull();
    }

    @Test
    void refusesNewTopicsBeyondItsSizeAndCountsWhatItRefused() {
        TopicTree tree = new TopicTree(new TopicTree.Limits(10, 1 << 20, 3));
        tree.addAll(List.of(message("a/b/c", "1", T0), message("a/b/d", "2", T0), message("a/b/c", "3", T0)));
        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(tree.refusedMessages()).isEqualTo(1);
        assertThat(tree.stats(tree.find("a/b/c"), T0).ownCount()).isEqualTo(2);
    }

    @Test
    void searchesByTextOrByFilter() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(message("plant/line1/temp", "1", T0), message("plant/line2/Temp", "1", T0),
                message("plant/line2/pressure", "1", T0), message("$SYS/broker/load", "1", T0)));
        assertThat(tree.search(TopicQuery.parse("TEMP").orElseThrow(), 100).matches()).extracting(TopicNode::topic)
                .containsExactlyInAnyOrder("plant/line1/temp", "plant/line2/Temp");
        TopicTree.SearchResult byFilter = tree.search(TopicQuery.parse("plant/+/pressure").orElseThrow(), 100);
        assertThat(byFilter.matches()).extracting(TopicNode::topic).containsExactly("plant/line2/pressure");
        assertThat(tree.search(TopicQuery.parse("#").orElseThrow(), 100).total()).isEqualTo(3);
        assertThat(tree.search(TopicQuery.parse("#").orElseThrow(), 2).matches()).hasSize(2);
        assertThat(TopicQuery.parse("a/#/b").orElseThrow()).isInstanceOf(TopicQuery.Contains.class);
        assertThat(TopicQuery.problem("a/#/b")).hasValueSatisfying(p -> assertThat(p).contains("# must be the last level"));
        assertThat(TopicQuery.parse("  ")).isEmpty();
    }

    @Test
    void clearingStartsOver() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(message("a/b", "1", T0)));
        long version = tree.structureVersion();
        tree.clear();
        assertThat(tree.structureVersion()).isGreaterThan(version);
        assertThat(tree.find("a")).isNull();
        assertThat(tree.topicCount()).isZero();
        assertThat(tree.stats(tree.root(), T0).subtreeCount()).isZero();
    }

    @Test
    void holdsAHundredThousandTopicsOfSixLevels() {
        TopicTree tree = new TopicTree();
        List<String> topics = TopicStreams.sixLevelTopics(100_000);
        List<ReceivedMessage> batch = new ArrayList<>(4096);
        for (String topic : topics) {
            batch.add(message(topic, "{\"v\":1}", T0));
            if (batch.size() == 4096) {
                tree.addAll(batch);
                batch.clear();
            }
        }
        tree.addAll(batch);

        assertThat(tree.topicCount()).isEqualTo(100_000);
        for (String topic : topics) {
            TopicNode node = tree.find(topic);
            assertThat(node).isNotNull();
            assertThat(node.depth()).isEqualTo(6);
        }
        assertThat(tree.stats(tree.root(), T0).subtreeCount()).isEqualTo(100_000);
        TopicNode site = tree.find(topics.get(0).substring(0, topics.get(0).indexOf('/')));
        TopicStats siteStats = tree.stats(site, T0);
        assertThat(siteStats.topicsBelow()).isEqualTo(siteStats.subtreeCount()).isPositive();
        TopicTree.SearchResult temperatures = tree.search(TopicQuery.parse("+/+/+/+/+/temperature").orElseThrow(), 1_000_000);
        assertThat(temperatures.total()).isEqualTo(topics.stream().filter(t -> t.endsWith("/temperature")).count());
        assertThat(tree.search(TopicQuery.parse("line-07").orElseThrow(), 10).total())
                .isEqualTo((int) topics.stream().filter(t -> t.contains("line-07")).count());
    }
}
