package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.SubscriptionOrigins.Origin;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overlapping subscriptions ({@code #} and {@code factory/+/press3/#}) in the message log: each row names the
 * subscription that delivered it and wears its colour, and "collapse duplicates" shows one row for both
 * deliveries while the received count still counts two.
 */
class OverlappingSubscriptionsTest extends LiveWorkspaceTest {
    private static final String TOPIC = "factory/line1/press3/temp";

    private ConnectionViewModel connectedWithOverlap(BrokerUrl url, MqttEngine engine, MqttVersion version) throws Exception {
        return connectedWithOverlap(url, engine, version, "#", "factory/+/press3/#");
    }

    private ConnectionViewModel connectedWithOverlap(BrokerUrl url, MqttEngine engine, MqttVersion version, String all, String press)
            throws Exception {
        open(List.of(Profile.builder("overlap", ConnectionSettings.builder(url).engine(engine).version(version).build()).build()));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, all, 0);
        live.subscribe(connection, press, 0);
        return connection;
    }

    private static String color(SubscriptionsViewModel subscriptions, Origin origin) {
        return origin.filters().isEmpty() ? null : subscriptions.colorOfFilter(origin.filters().get(0));
    }

    @Test
    void eachCopyNamesAndWearsItsOwnSubscriptionAndCollapsesIntoOneRow() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) { // mosquitto sends a copy per subscription
            ConnectionViewModel connection = connectedWithOverlap(mosquitto.tcpUrl(), MqttEngine.PAHO, MqttVersion.V5);
            SubscriptionsViewModel subscriptions = connection.subscriptions();
            MessageLogViewModel log = connection.log();
            LiveWorkspace.publish(connection, TOPIC, "21.5", false);
            live.runUntil("both copies", () -> log.rows().size() == 2);

            List<Origin> origins = log.rows().stream().map(subscriptions.origins()::of).toList();
            assertThat(origins).allSatisfy(o -> assertThat(o.inferred()).isFalse());
            assertThat(origins).extracting(subscriptions.origins()::label).containsExactlyInAnyOrder("#", "factory/+/press3/#");
            assertThat(color(subscriptions, origins.get(0))).as("each row wears its own subscription's colour")
                    .isNotNull().isNotEqualTo(color(subscriptions, origins.get(1)));
            log.selectedProperty().set(log.rows().get(0));
            assertThat(connection.messageDetail().metaProperty().get()).endsWith("via " + subscriptions.origins().label(origins.get(0)));

            log.collapse().onProperty().set(true);
            live.runUntil("one row", () -> log.rows().size() == 1);
            ReceivedMessage kept = log.rows().get(0);
            assertThat(OriginCells.text(subscriptions.origins(), log.collapse(), kept))
                    .isIn("×2 via #, factory/+/press3/#", "×2 via factory/+/press3/#, #");
            assertThat(log.receivedCountProperty().get()).as("both deliveries still counted").isEqualTo(2);
            assertThat(log.querySummaryProperty().get()).startsWith("1 duplicate delivery collapsed");
            log.selectedProperty().set(kept);
            assertThat(connection.messageDetail().metaProperty().get()).as("the detail says what the row stands for").contains("  ·  ×2 via ");

            LiveWorkspace.publish(connection, "factory/line2/oven/temp", "180", false); // through # only: a row of its own
            live.runUntil("next row", () -> log.rows().size() == 2);
            assertThat(OriginCells.text(subscriptions.origins(), log.collapse(), log.rows().get(1))).isEqualTo("#");

            log.collapse().onProperty().set(false);
            live.runUntil("every delivery again", () -> log.rows().size() == 3);
        }
    }

    @Test
    void oneCopyThroughBothSubscriptionsNamesBoth() throws Exception {
        String base = "overlap-" + System.nanoTime();
        ConnectionViewModel connection = connectedWithOverlap(TestBroker.tcpUrl(), MqttEngine.PAHO, MqttVersion.V5, base + "/#", base + "/+/press3/#");
        MessageLogViewModel log = connection.log();
        LiveWorkspace.publish(connection, base + "/line1/press3/temp", "21.5", false);
        live.runUntil("received", () -> log.rows().size() == 1);
        live.runFor(java.time.Duration.ofMillis(300));

        assertThat(log.rows()).hasSize(1); // HiveMQ CE sends one PUBLISH carrying both identifiers
        Origin origin = connection.subscriptions().origins().of(log.rows().get(0));
        assertThat(origin.inferred()).isFalse();
        assertThat(connection.subscriptions().origins().label(origin)).isEqualTo(base + "/#, " + base + "/+/press3/#");

        ReceivedMessage live = log.rows().get(0);
        ReceivedMessage fromAnEarlierRun = new ReceivedMessage(live.topic(), live.payload(), 0, false, false, 1, 1_000, live.properties());
        assertThat(connection.subscriptions().origins().of(fromAnEarlierRun).inferred())
                .as("numbers of a run before this connection mean nothing now").isTrue();
    }

    @Test
    void mqtt311SaysTheSubscriptionIsInferred() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) { // one copy to a 3.1.1 client, no identifiers
            ConnectionViewModel connection = connectedWithOverlap(mosquitto.tcpUrl(), MqttEngine.PAHO, MqttVersion.V3_1_1);
            MessageLogViewModel log = connection.log();
            LiveWorkspace.publish(connection, TOPIC, "21.5", false);
            live.runUntil("received", () -> log.rows().size() == 1);

            Origin origin = connection.subscriptions().origins().of(log.rows().get(0));
            assertThat(origin.inferred()).isTrue();
            assertThat(connection.subscriptions().origins().label(origin)).isEqualTo("# or factory/+/press3/# (inferred)");
            assertThat(connection.subscriptions().origins().explanation(origin)).startsWith("Inferred from the topic");
            log.selectedProperty().set(log.rows().get(0));
            assertThat(connection.messageDetail().metaProperty().get()).endsWith("via # or factory/+/press3/# (inferred)");
        }
    }

    @Test
    void theHiveMqEngineNamesEachCopyTooAndARepeatedValueKeepsItsRow() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) { // the library numbers subscriptions itself: its numbers are read
            ConnectionViewModel connection = connectedWithOverlap(mosquitto.tcpUrl(), MqttEngine.HIVEMQ, MqttVersion.V5);
            MessageLogViewModel log = connection.log();
            LiveWorkspace.publish(connection, TOPIC, "21.5", false);
            live.runUntil("both copies", () -> log.rows().size() == 2);
            assertThat(log.rows()).extracting(m -> connection.subscriptions().origins().label(connection.subscriptions().origins().of(m)))
                    .containsExactlyInAnyOrder("#", "factory/+/press3/#");

            log.collapse().onProperty().set(true);
            live.runUntil("one row", () -> log.rows().size() == 1);
            assertThat(OriginCells.text(connection.subscriptions().origins(), log.collapse(), log.rows().get(0)))
                    .isIn("×2 via #, factory/+/press3/#", "×2 via factory/+/press3/#, #");
            assertThat(log.receivedCountProperty().get()).isEqualTo(2);

            live.runFor(java.time.Duration.ofMillis(400)); // past the window: the same value again is a new message
            LiveWorkspace.publish(connection, TOPIC, "21.5", false);
            live.runUntil("second message", () -> log.receivedCountProperty().get() == 4);
            live.runUntil("its own row", () -> log.rows().size() == 2);
            live.runFor(java.time.Duration.ofMillis(300));
            assertThat(log.rows()).hasSize(2);
        }
    }
}
