package io.mqttworkbench.topic;

import static io.mqttworkbench.topic.TopicTreeTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.topic.BrokerStatistics.Figure;
import io.mqttworkbench.topic.BrokerStatistics.Reading;
import io.mqttworkbench.topic.BrokerStatistics.Source;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The broker's figures read from recorded $SYS streams of mosquitto and an EMQX cluster. */
class BrokerStatisticsTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_000 * S;

    private static Map<Figure, String> values(List<Reading> readings, String node) {
        return readings.stream().filter(r -> r.node().equals(node))
                .collect(Collectors.toMap(Reading::figure, Reading::value));
    }

    @Test
    void readsMosquittosFiguresByName() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(
                message("$SYS/broker/version", "mosquitto version 2.0.18", T0),
                message("$SYS/broker/uptime", "93784 seconds", T0),
                message("$SYS/broker/clients/connected", "12", T0),
                message("$SYS/broker/clients/total", "15", T0),
                message("$SYS/broker/load/messages/received/1min", "600.00", T0),
                message("$SYS/broker/messages/received", "1000", T0),
                message("$SYS/broker/messages/sent", "2000", T0),
                message("$SYS/broker/messages/sent", "2500", T0 + 10 * S),
                message("$SYS/broker/publish/messages/dropped", "1690", T0),
                message("$SYS/broker/subscriptions/count", "7", T0),
                message("$SYS/broker/retained messages/count", "1234567", T0),
                message("$SYS/broker/bytes/received", "2048", T0),
                message("$SYS/broker/heap/current", "1", T0),
                message("plant/line1/temp", "20", T0)));

        List<Reading> readings = BrokerStatistics.read(tree, T0 + 11 * S);

        assertThat(readings).extracting(Reading::source).containsOnly(Source.MOSQUITTO);
        assertThat(readings).extracting(Reading::figure).containsExactly(Figure.VERSION, Figure.UPTIME, Figure.CLIENTS_CONNECTED,
                Figure.CLIENTS_TOTAL, Figure.RECEIVED_RATE, Figure.SENT_RATE, Figure.RECEIVED, Figure.SENT, Figure.DROPPED,
                Figure.SUBSCRIPTIONS, Figure.RETAINED, Figure.BYTES_RECEIVED);
        Map<Figure, String> v = values(readings, "");
        assertThat(v.get(Figure.VERSION)).isEqualTo("2.0.18");
        assertThat(v.get(Figure.UPTIME)).isEqualTo("1 d 2 h 3 min");
        assertThat(v.get(Figure.CLIENTS_CONNECTED)).isEqualTo("12");
        assertThat(v.get(Figure.RECEIVED_RATE)).as("the broker's per-minute load, per second").isEqualTo("10.0");
        assertThat(v.get(Figure.SENT_RATE)).as("derived from the counter: 500 in 10 s").isEqualTo("50.0");
        assertThat(v.get(Figure.RETAINED)).isEqualTo("1,234,567");
        assertThat(v.get(Figure.DROPPED)).isEqualTo("1,690");
        assertThat(v.get(Figure.BYTES_RECEIVED)).isEqualTo("2.0 KB");
        assertThat(readings.get(0).topic()).isEqualTo("$SYS/broker/version");
    }

    @Test
    void readsEachEmqxNodeOfACluster() {
        TopicTree tree = new TopicTree();
        for (String node : List.of("emqx@10.0.0.2", "emqx@10.0.0.1")) {
            String base = "$SYS/brokers/" + node + "/";
            tree.addAll(List.of(
                    message("$SYS/brokers", "emqx@10.0.0.1,emqx@10.0.0.2", T0),
                    message(base + "version", "5.8.0", T0),
                    message(base + "uptime", "3723000", T0),
                    message(base + "stats/connections/count", node.endsWith("1") ? "40" : "2", T0),
                    message(base + "metrics/messages/received", "100", T0),
                    message(base + "metrics/messages/received", "160", T0 + 2 * S),
                    message(base + "metrics/messages/dropped", node.endsWith("1") ? "0" : "12", T0),
                    message(base + "stats/subscriptions/count", "9", T0)));
        }

        List<Reading> readings = BrokerStatistics.read(tree, T0 + 2 * S);

        assertThat(readings).extracting(Reading::node).containsSubsequence("emqx@10.0.0.1", "emqx@10.0.0.2");
        Map<Figure, String> first = values(readings, "emqx@10.0.0.1");
        assertThat(first).containsEntry(Figure.VERSION, "5.8.0")
                .containsEntry(Figure.UPTIME, "1 h 2 min")
                .containsEntry(Figure.CLIENTS_CONNECTED, "40")
                .containsEntry(Figure.RECEIVED_RATE, "30.0")
                .containsEntry(Figure.RECEIVED, "160")
                .containsEntry(Figure.SUBSCRIPTIONS, "9");
        assertThat(values(readings, "emqx@10.0.0.2")).containsEntry(Figure.CLIENTS_CONNECTED, "2").containsEntry(Figure.DROPPED, "12");
        assertThat(readings).extracting(Reading::source).containsOnly(Source.EMQX);
    }

    @Test
    void aCounterThatStoppedMovingReadsZeroAndARestartedOneNoRate() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(
                message("$SYS/broker/messages/sent", "100", T0),
                message("$SYS/broker/messages/sent", "200", T0 + S),
                message("$SYS/broker/messages/received", "900", T0),
                message("$SYS/broker/messages/received", "5", T0 + S)));

        Map<Figure, String> soon = values(BrokerStatistics.read(tree, T0 + S), "");
        assertThat(soon).containsEntry(Figure.SENT_RATE, "100").doesNotContainKey(Figure.RECEIVED_RATE);
        assertThat(values(BrokerStatistics.read(tree, T0 + 30 * S), "")).containsEntry(Figure.SENT_RATE, "0.0");
    }

    @Test
    void nothingWithoutSysTopicsAndPlainTextIsNotANumber() {
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(message("plant/a", "1", T0), message("$SYS/broker/clients/connected", "many", T0)));
        assertThat(BrokerStatistics.read(tree, T0)).isEmpty();
    }

    @Test
    void durationsReadNaturally() {
        assertThat(BrokerStatistics.duration(5)).isEqualTo("5 s");
        assertThat(BrokerStatistics.duration(65)).isEqualTo("1 min 5 s");
        assertThat(BrokerStatistics.duration(7_260)).isEqualTo("2 h 1 min");
        assertThat(BrokerStatistics.duration(90_061)).isEqualTo("1 d 1 h 1 min");
    }
}
