package io.mqttworkbench.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.topic.SubscriptionKind;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The subscription panel's logic against the embedded broker: answers, pausing, editing, and the profile it saves to. */
class SubscriptionsViewModelTest extends LiveWorkspaceTest {


    private ConnectionViewModel connected(Profile profile) throws InterruptedException {
        open(List.of(profile));
        return live.connect(0);
    }

    private void runFramesUntil(String what, BooleanSupplier condition) throws InterruptedException {
        live.runUntil(what, condition);
    }

    private static SubscriptionRow row(ConnectionViewModel connection, String filter) {
        return LiveWorkspace.row(connection, filter);
    }

    private void subscribe(ConnectionViewModel connection, String filter, int qos) throws InterruptedException {
        live.subscribe(connection, filter, qos);
    }

    private static void publish(ConnectionViewModel connection, String topic, String payload) {
        LiveWorkspace.publish(connection, topic, payload, false);
    }

    @Test
    void showsTheBrokersAnswerPerFilterAndSavesTheListWithTheProfile() throws Exception {
        String base = "subs/" + System.nanoTime();
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        ConnectionViewModel connection = connected(profile);

        subscribe(connection, base + "/#", 2);
        assertThat(row(connection, base + "/#").resultProperty().get()).isEqualTo("QoS 2 granted");
        assertThat(row(connection, base + "/#").stateProperty().get()).isEqualTo(SubscriptionRow.State.GRANTED);

        // The test broker refuses everything under forbidden/ with 0x87.
        subscribe(connection, "forbidden/" + base, 1);
        assertThat(row(connection, "forbidden/" + base).stateProperty().get()).isEqualTo(SubscriptionRow.State.REFUSED);
        assertThat(row(connection, "forbidden/" + base).resultProperty().get()).contains("0x87").contains("Not authorized");

        live.library.close();
        Profile saved = new ProfileStore(configDir).load().profiles().stream().filter(p -> p.id().equals(profile.id())).findFirst().orElseThrow();
        assertThat(saved.subscriptionRequests()).extracting(SubscriptionRequest::filter).containsExactly(base + "/#", "forbidden/" + base);
    }

    @Test
    void aPausedSubscriptionHoldsItsMessagesBackAndCountsThem() throws Exception {
        String base = "pause/" + System.nanoTime();
        ConnectionViewModel connection = connected(Profile.forUrl(TestBroker.tcpUrl()));
        subscribe(connection, base + "/a/#", 1);
        subscribe(connection, base + "/+/x", 1);

        connection.subscriptions().setPaused(row(connection, base + "/a/#"), true);
        publish(connection, base + "/a/1", "held back");      // only the paused subscription matches
        publish(connection, base + "/a/x", "shown");          // the running one matches too
        publish(connection, base + "/b/x", "shown as well");
        runFramesUntil("two shown", () -> connection.messages().size() == 2);
        runFramesUntil("one held back", () -> row(connection, base + "/a/#").heldBackProperty().get() == 1);
        assertThat(connection.messages()).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("shown", "shown as well");
        assertThat(connection.traffic().tree().find(base + "/a/1")).isNull();
        assertThat(connection.profile().subscriptions()).filteredOn(SavedSubscription::paused).extracting(SavedSubscription::filter)
                .containsExactly(base + "/a/#");

        connection.subscriptions().setPaused(row(connection, base + "/a/#"), false);
        publish(connection, base + "/a/2", "after resume");
        runFramesUntil("resumed", () -> connection.messages().size() == 3);
    }

    @Test
    void editingResubscribesWithTheNewOptionsAndUnsubscribingStopsTheFlow() throws Exception {
        String base = "edit/" + System.nanoTime();
        ConnectionViewModel connection = connected(Profile.forUrl(TestBroker.tcpUrl()));
        subscribe(connection, base + "/#", 0);

        SubscriptionsViewModel subscriptions = connection.subscriptions();
        subscriptions.decoders().set(base + "/#", io.mqttworkbench.decode.PayloadFormat.HEX);
        subscriptions.edit(row(connection, base + "/#"));
        assertThat(subscriptions.form().filterProperty().get()).isEqualTo(base + "/#");
        subscriptions.form().qosProperty().set(1);
        subscriptions.form().kindProperty().set(SubscriptionKind.SHARED);
        subscriptions.form().groupProperty().set("workers");
        assertThat(subscriptions.form().previewProperty().get()).isEqualTo("$share/workers/" + base + "/#");
        subscriptions.form().noLocalProperty().set(true);
        assertThat(subscriptions.form().problemProperty().get()).contains("no local");
        subscriptions.form().noLocalProperty().set(false);
        assertThat(subscriptions.submit()).isTrue();
        runFramesUntil("shared SUBACK", () -> subscriptions.rows().stream()
                .anyMatch(r -> r.filter().equals("$share/workers/" + base + "/#") && r.resultProperty().get().equals("QoS 1 granted")));
        assertThat(subscriptions.rows()).extracting(SubscriptionRow::filter).containsExactly("$share/workers/" + base + "/#");
        assertThat(subscriptions.rows().get(0).saved().decoder()).as("the decoder chosen for it stays").isEqualTo("hex");
        assertThat(subscriptions.editingProperty().get()).isNull();

        publish(connection, base + "/t", "through the shared subscription");
        runFramesUntil("received", () -> connection.messages().size() == 1);

        subscriptions.unsubscribe(subscriptions.rows().get(0));
        assertThat(subscriptions.rows()).isEmpty();
        runFramesUntil("unsubscribed", () -> connection.events().stream().anyMatch(e -> e.text().startsWith("UNSUBACK")));
        publish(connection, base + "/t", "nobody listens");
        live.runFor(java.time.Duration.ofMillis(500));
        assertThat(connection.messages()).hasSize(1);
        assertThat(connection.profile().subscriptions()).isEmpty();
    }

    @Test
    void subscriptionsAddedOfflineAreMadeOnConnectAndEditorChangesApplyAtOnce() throws Exception {
        String base = "offline/" + System.nanoTime();
        Profile profile = Profile.forUrl(TestBroker.tcpUrl()).toBuilder()
                .subscriptionRequests(List.of(SubscriptionRequest.of(base + "/saved", 1))).build();
        open(List.of(profile));
        ConnectionViewModel connection = live.connection(0);
        connection.subscriptions().form().filterProperty().set(base + "/typed");
        assertThat(connection.subscriptions().submit()).isTrue();
        assertThat(row(connection, base + "/typed").resultProperty().get()).isEqualTo("Subscribes on connect");

        connection.connect();
        runFramesUntil("both granted", () -> connection.subscriptions().rows().stream()
                .allMatch(r -> r.stateProperty().get() == SubscriptionRow.State.GRANTED));

        // The profile editor replaces the list: the removed filter is unsubscribed, the new one made.
        connection.updateProfile(connection.profile().toBuilder()
                .subscriptionRequests(List.of(SubscriptionRequest.of(base + "/typed", 1), SubscriptionRequest.of(base + "/new", 0))).build());
        assertThat(connection.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly(base + "/typed", base + "/new");
        runFramesUntil("new one granted", () -> row(connection, base + "/new").stateProperty().get() == SubscriptionRow.State.GRANTED);
        publish(connection, base + "/saved", "unsubscribed");
        publish(connection, base + "/new", "subscribed");
        runFramesUntil("received", () -> connection.messages().size() == 1);
        assertThat(new String(connection.messages().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("subscribed");
        assertThat(connection.subscriptions().colorFor(base + "/new")).isEqualTo(row(connection, base + "/new").saved().color());
    }
}
