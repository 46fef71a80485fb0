package io.mqttworkbench.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overlapping subscriptions on mosquitto deliver a copy per subscription, each with its own subscription
 * identifier: each row on disk keeps the subscription that delivered it, not the first filter its topic matches.
 */
class DeliveringSubscriptionOnDiskTest extends LiveWorkspaceTest {

    @Test
    void eachCopyOnDiskKeepsTheSubscriptionThatDeliveredIt() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            open(List.of(Profile.builder("overlap", ConnectionSettings.builder(mosquitto.tcpUrl()).engine(MqttEngine.PAHO)
                    .version(MqttVersion.V5).build()).build()));
            ConnectionViewModel connection = live.connect(0);
            live.subscribe(connection, "#", 0);
            live.subscribe(connection, "factory/+/press3/#", 0);
            LiveWorkspace.publish(connection, "factory/line1/press3/temp", "21.5", false);
            live.runUntil("both copies on disk", () -> {
                MessageHistory history = connection.diskHistory().history();
                try {
                    return history != null && history.subscriptionsOf(0, Long.MAX_VALUE).size() == 2;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(connection.diskHistory().history().subscriptionsOf(0, Long.MAX_VALUE).values())
                    .containsExactlyInAnyOrder("#", "factory/+/press3/#");
        }
    }
}
