package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.sparkplug.EdgeNodeMessages;
import io.mqttworkbench.sparkplug.MessageType;
import io.mqttworkbench.sparkplug.SimulatedEdgeNode;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code sparkplug} watching simulated edge nodes on HiveMQ CE and mosquitto: a node born while it listens,
 * one that only sends data until asked to rebirth, a seq gap, and a death.
 */
class SparkplugCliTest {

    @Test
    void watchesNodesFlagsAGapAndAsksAStaleNodeToRebirthOnHiveMq() throws Exception {
        watch(TestBroker.tcpUrl(), "hive" + System.nanoTime() % 100_000);
    }

    @Test
    void theSameOnMosquitto() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            watch(mosquitto.tcpUrl(), "mosq" + System.nanoTime() % 100_000);
        }
    }

    @Test
    void pubSendsASparkplugPayloadFromItsJsonDescription() throws Exception {
        String topic = "spBv1.0/cli" + System.nanoTime() % 100_000 + "/NCMD/edge9";
        try (io.mqttworkbench.mqtt.BrokerConnection check = new io.mqttworkbench.mqtt.BrokerConnection("check",
                io.mqttworkbench.mqtt.ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            check.connect().get(15, TimeUnit.SECONDS);
            check.subscribe(List.of(io.mqttworkbench.mqtt.SubscriptionRequest.of(topic, 1))).get(10, TimeUnit.SECONDS);
            Cli.Run run = Cli.run("pub", "-u", TestBroker.tcpUrl().toString(), "-t", topic, "-q", "1", "--sparkplug",
                    "-m", "{\"metrics\": [{\"name\": \"Node Control/Rebirth\", \"type\": \"Boolean\", \"value\": true}]}");
            assertThat(run.exitCode()).as(run.err()).isZero();
            io.mqttworkbench.mqtt.ReceivedMessage received = io.mqttworkbench.testsupport.Messages.awaitOne(check.inbound(), topic);
            assertThat(io.mqttworkbench.decode.SparkplugPayloads.read(received.payload()).metrics()).extracting(m -> m.name() + "=" + m.valueText())
                    .containsExactly("Node Control/Rebirth=true");

            Cli.Run bad = Cli.run("pub", "-u", TestBroker.tcpUrl().toString(), "-t", topic, "--sparkplug", "-m", "{}");
            assertThat(bad.exitCode()).isNotZero();
            assertThat(bad.err()).contains("A Sparkplug description needs \"metrics\"");
        }
    }

    private static void watch(BrokerUrl url, String group) throws Exception {
        Cli.Running cli = Cli.start("sparkplug", "-u", url.toString(), "--group", group, "--settle", "2", "--timeout", "8", "--json", "--rebirth");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cli.errorsSoFar().contains("listening"));
        try (SimulatedEdgeNode edge1 = new SimulatedEdgeNode(url, group, "edge1");
             SimulatedEdgeNode edge2 = new SimulatedEdgeNode(url, group, "edge2")) {
            edge2.messages().nbirthPayload(); // born before we listened: only data reaches the command
            edge2.send(MessageType.NDATA, null, edge2.messages().ndataPayload(100));
            edge1.birth();
            edge1.send(MessageType.DDATA, EdgeNodeMessages.DEVICE, edge1.messages().ddataPayload(2.5));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cli.outputSoFar().contains("\"event\":\"state\""));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edge2.rebirths() == 1);
            // edge2 answers the rebirth on its own connection: its NBIRTH may reach the broker after what edge1 sends next
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cli.outputSoFar().lines()
                    .anyMatch(l -> l.contains("\"node\":\"edge2\"") && l.contains("\"reason\":\"NBIRTH\"")));

            edge1.messages().skip(3);
            edge1.send(MessageType.DDATA, EdgeNodeMessages.DEVICE, edge1.messages().ddataPayload(2.6));
            edge1.send(MessageType.NDEATH, null, edge1.messages().ndeathPayload());

            Cli.Run run = cli.result().get(30, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonObject> lines = run.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();

            JsonObject state = lines.get(0);
            assertThat(state.get("event").getAsString()).isEqualTo("state");
            assertThat(state.getAsJsonArray("nodes")).hasSize(2);
            JsonObject first = state.getAsJsonArray("nodes").get(0).getAsJsonObject();
            assertThat(first.get("node").getAsString()).isEqualTo("edge1");
            assertThat(first.get("state").getAsString()).isEqualTo("online");
            assertThat(first.get("metrics").getAsInt()).isEqualTo(3);
            assertThat(first.getAsJsonArray("devices").get(0).getAsJsonObject().get("state").getAsString()).isEqualTo("online");
            assertThat(state.getAsJsonArray("nodes").get(1).getAsJsonObject().get("state").getAsString()).isEqualTo("stale");
            assertThat(run.err()).contains("asked " + group + "/edge2 to rebirth");

            List<String> events = lines.stream().skip(1).map(SparkplugCliTest::summary).toList();
            assertThat(events).containsSubsequence(
                    "change edge2 stale->online NBIRTH",
                    "flag edge1/press4 seq_gap seq went from 2 to 6: 3 messages missing or out of order",
                    "change edge1 online->offline NDEATH");
            assertThat(events).contains("change edge2/press4 stale->online DBIRTH");
        }
    }

    private static String summary(JsonObject event) {
        String where = event.get("node").getAsString() + (event.has("device") && !event.get("device").isJsonNull() ? "/" + event.get("device").getAsString() : "");
        return switch (event.get("event").getAsString()) {
            case "change" -> "change " + where + " " + event.get("from").getAsString() + "->" + event.get("to").getAsString() + " " + event.get("reason").getAsString();
            case "flag" -> "flag " + where + " " + event.get("kind").getAsString() + " " + event.get("detail").getAsString();
            default -> event.toString();
        };
    }
}
