package io.mqttworkbench.ui.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.sparkplug.EdgeNodeMessages;
import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.sparkplug.MessageType;
import io.mqttworkbench.sparkplug.NetworkView;
import io.mqttworkbench.sparkplug.SimulatedEdgeNode;
import io.mqttworkbench.sparkplug.SparkplugFlag;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Sparkplug tab's view model in a real connection, fed by simulated edge nodes through HiveMQ CE and
 * mosquitto: births, data by alias only, a seq gap, a death, and a rebirth the tab asks for.
 */
class SparkplugConnectionTest extends LiveWorkspaceTest {

    @Test
    void onHiveMq() throws Exception {
        watch(TestBroker.tcpUrl());
    }

    @Test
    void onMosquitto() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            watch(mosquitto.tcpUrl());
        }
    }

    private void watch(BrokerUrl url) throws Exception {
        open(List.of(Profile.builder("plant", ConnectionSettings.builder(url).build()).build()));
        ConnectionViewModel connection = live.connect(0);
        SparkplugViewModel sparkplug = connection.sparkplug();
        assertThat(sparkplug.seenProperty().get()).isFalse();
        live.runFor(java.time.Duration.ofMillis(300));
        assertThat(sparkplug.subscribedProperty().get()).isFalse();
        assertThat(sparkplug.subscribe()).isTrue();
        live.runUntil("subscribed", () -> LiveWorkspace.row(connection, "spBv1.0/#") != null
                && LiveWorkspace.row(connection, "spBv1.0/#").stateProperty().get() == io.mqttworkbench.ui.common.SubscriptionRow.State.GRANTED);

        String group = "g" + System.nanoTime() % 1_000_000;
        try (SimulatedEdgeNode edge1 = new SimulatedEdgeNode(url, group, "edge1");
             SimulatedEdgeNode edge2 = new SimulatedEdgeNode(url, group, "edge2")) {
            edge2.messages().nbirthPayload(); // born before the window listened
            edge2.send(MessageType.NDATA, null, edge2.messages().ndataPayload(7));
            edge1.birth();
            edge1.send(MessageType.DDATA, EdgeNodeMessages.DEVICE, edge1.messages().ddataPayload(4.25));
            edge1.messages().skip(2);
            edge1.send(MessageType.DDATA, EdgeNodeMessages.DEVICE, edge1.messages().ddataPayload(4.5));
            live.runUntil("the gap", () -> sparkplug.flags().size() == 1);
            assertThat(sparkplug.seenProperty().get()).isTrue();
            assertThat(sparkplug.flags().get(0).kind()).isEqualTo(SparkplugFlag.Kind.SEQ_GAP);
            assertThat(state(sparkplug, "edge2")).isEqualTo(EntityState.STALE);

            sparkplug.selectedProperty().set(new SparkplugViewModel.Target(group, "edge1", EdgeNodeMessages.DEVICE));
            live.runUntil("metrics", () -> sparkplug.metrics().stream().anyMatch(m -> m.name().equals("Pressure") && "4.5".equals(m.valueText())));

            sparkplug.rebirth(new SparkplugViewModel.Target(group, "edge2", null));
            live.runUntil("edge2 reborn", () -> state(sparkplug, "edge2") == EntityState.ONLINE);
            assertThat(edge2.rebirths()).isEqualTo(1);

            edge1.send(MessageType.NDEATH, null, edge1.messages().ndeathPayload());
            live.runUntil("edge1 dead", () -> state(sparkplug, "edge1") == EntityState.OFFLINE);
            assertThat(sparkplug.summaryProperty().get()).startsWith("2 edge nodes (1 online) · 2 devices");
        }
    }

    private static EntityState state(SparkplugViewModel sparkplug, String node) {
        return sparkplug.viewProperty().get().nodes().stream().filter(n -> n.id().equals(node)).map(NetworkView.Node::state).findFirst().orElse(null);
    }
}
