package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.workspace.MainWindowViewModel;
import io.mqttworkbench.ui.workspace.ProfilesViewModel;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import io.mqttworkbench.ui.workspace.UiQueue;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view models without a window: a queue stands in for the JavaFX thread, and the test runs it and
 * the per-frame update itself, so every property change happens on the test's thread.
 */
class ConnectionViewModelTest {

    private final UiQueue uiQueue = new UiQueue();
    private final Executor ui = uiQueue.executor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    @TempDir
    Path configDir;
    private MainWindowViewModel workspace;
    private ProfileLibrary library;

    @AfterEach
    void shutdown() {
        if (workspace != null) {
            workspace.shutdown();
        }
        if (library != null) {
            library.close(); // its writer must be done before the temporary folder is deleted
        }
    }

    private void runFramesUntil(String what, BooleanSupplier condition) throws InterruptedException {
        uiQueue.runUntil(what, workspace, condition);
    }

    private MainWindowViewModel workspace(List<Profile> profiles) {
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(profiles, connector, library,
                dialogs, ui, Runnable::run, configDir.resolve("certificates"), Texts.english());
        workspace = new MainWindowViewModel(all, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
        return workspace;
    }

    @Test
    void connectsSubscribesPublishesAndCountsMessages() throws Exception {
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);

        connection.connect();
        runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(connection.statusTextProperty().get()).isEqualTo("Connected: " + TestBroker.tcpUrl());

        String topic = "vm/" + System.nanoTime();
        connection.subscriptions().form().filterProperty().set(topic);
        assertThat(connection.subscriptions().submit()).isTrue();
        runFramesUntil("SUBACK", () -> connection.subscriptions().rows().stream()
                .anyMatch(r -> r.resultProperty().get().equals("QoS 1 granted")));

        connection.publishing().topicProperty().set(topic);
        connection.publishing().payloadProperty().set("hello");
        connection.publishing().qosProperty().set(1);
        assertThat(connection.publishing().publish()).isTrue();
        runFramesUntil("the message listed", () -> connection.messages().size() == 1);
        assertThat(connection.log().receivedCountProperty().get()).isEqualTo(1);
        runFramesUntil("the PUBACK shown", () -> !connection.publishing().resultProperty().get().equals("Sending…"));
        assertThat(connection.publishing().resultProperty().get()).startsWith("PUBACK 0x00 Success");
        assertThat(connection.events()).extracting(e -> e.text()).anySatisfy(t -> assertThat(t).startsWith("CONNACK 0x00"));

        connection.clearMessages();
        assertThat(connection.messages()).isEmpty();
    }

    /** "Subscribe to # on connect": every topic arrives, and "#" is asked for on each connect without joining the saved list. */
    @Test
    void aProfileThatSubscribesToAllOnConnectReceivesEverything() throws Exception {
        Profile profile = Profile.forUrl(TestBroker.tcpUrl()).toBuilder()
                .subscriptionRequests(List.of(io.mqttworkbench.mqtt.SubscriptionRequest.of("x/y", 0))).subscribeAllOnConnect(true).build();
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
        assertThat(connection.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly("x/y", "#");

        connection.connect();
        runFramesUntil("everything granted", () -> connection.subscriptions().rows().stream()
                .allMatch(r -> r.stateProperty().get() == SubscriptionRow.State.GRANTED));
        String payload = "all-" + System.nanoTime();
        connection.publishing().topicProperty().set("a/b");
        connection.publishing().payloadProperty().set(payload);
        assertThat(connection.publishing().publish()).isTrue();
        runFramesUntil("a/b received", () -> connection.messages().stream()
                .anyMatch(m -> m.topic().equals("a/b") && new String(m.payload(), java.nio.charset.StandardCharsets.UTF_8).equals(payload)));

        // unsubscribed by hand, it is gone until the next connect
        connection.subscriptions().unsubscribe(connection.subscriptions().rows().get(1));
        assertThat(connection.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly("x/y");
        connection.disconnect();
        runFramesUntil("disconnected", () -> connection.stateProperty().get() == ConnectionState.DISCONNECTED);
        connection.connect();
        assertThat(connection.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly("x/y", "#");
        runFramesUntil("# granted again", () -> connection.subscriptions().rows().get(1).stateProperty().get() == SubscriptionRow.State.GRANTED);

        // switched off in the editor, the "#" goes
        connection.updateProfile(connection.profile().toBuilder().subscribeAllOnConnect(false).build());
        assertThat(connection.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly("x/y");
        library.close();
        Profile saved = new ProfileStore(configDir).load().profiles().stream().filter(p -> p.id().equals(profile.id())).findFirst().orElseThrow();
        assertThat(saved.subscribeAllOnConnect()).isTrue(); // what was saved last: the unsubscribe, with the option still on
        assertThat(saved.subscriptions()).extracting(io.mqttworkbench.profile.SavedSubscription::filter).containsExactly("x/y");
    }

    /** The "#" that "Subscribe to # on connect" adds waits for the connect; once the user changes it, it is the profile's own. */
    @Test
    void theAutomaticHashBecomesTheProfilesOwnWhenTheUserChangesIt() {
        Profile profile = Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:1")).toBuilder().subscribeAllOnConnect(true).build();
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
        SubscriptionRow hash = connection.subscriptions().rows().get(0);
        assertThat(hash.filter()).isEqualTo("#");
        assertThat(hash.stateProperty().get()).isEqualTo(SubscriptionRow.State.WAITING);
        assertThat(connection.profile().subscriptions()).isEmpty();

        connection.subscriptions().setPaused(hash, true);
        assertThat(connection.profile().subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.filter()).isEqualTo("#");
            assertThat(s.paused()).isTrue();
        });
        connection.updateProfile(connection.profile().toBuilder().subscribeAllOnConnect(false).build());
        assertThat(connection.subscriptions().rows()).containsExactly(hash); // the user's own now: switching the option off keeps it
    }

    /**
     * While the connection is down, a subscription no longer says "granted": it is pending until the broker
     * answers the restore; and the log marks the hole before the first message after it.
     */
    @Test
    void aDroppedConnectionShowsSubscriptionsPendingUntilTheNewSubackAndMarksTheGapInTheLog() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort())) {
            Profile profile = Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:" + proxy.port()));
            ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
            connection.connect();
            runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
            String topic = "gap/" + System.nanoTime();
            connection.subscriptions().form().filterProperty().set(topic);
            assertThat(connection.subscriptions().submit()).isTrue();
            SubscriptionRow row = connection.subscriptions().rows().get(0);
            runFramesUntil("SUBACK", () -> row.resultProperty().get().equals("QoS 1 granted"));
            connection.publishing().topicProperty().set(topic);
            connection.publishing().payloadProperty().set("before");
            assertThat(connection.publishing().publish()).isTrue();
            runFramesUntil("the first message", () -> connection.messages().size() == 1);

            proxy.refuseNew(true);
            proxy.cutAll();
            runFramesUntil("down", () -> connection.stateProperty().get() != ConnectionState.CONNECTED);
            assertThat(row.stateProperty().get()).isEqualTo(SubscriptionRow.State.PENDING);
            assertThat(row.resultProperty().get()).isEqualTo("Pending: connection lost, subscribes again when it is back");

            proxy.refuseNew(false);
            runFramesUntil("back", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
            runFramesUntil("the new SUBACK", () -> row.stateProperty().get() == SubscriptionRow.State.GRANTED);
            assertThat(row.resultProperty().get()).isEqualTo("QoS 1 granted");

            connection.publishing().payloadProperty().set("after");
            assertThat(connection.publishing().publish()).isTrue();
            runFramesUntil("the second message", () -> connection.messages().size() == 2);
            assertThat(connection.log().gapBefore(connection.messages().get(0), connection.messages().get(1)))
                    .hasValueSatisfying(text -> assertThat(text).startsWith("Connection lost at ").contains("back at ")
                            .contains("messages sent while disconnected are missing"));
            assertThat(connection.log().gapBefore(connection.messages().get(0), connection.messages().get(0))).isEmpty();
        }
    }

    @Test
    void aProfileThatTrustsAnyCertificateIsMarkedInsecure() {
        Profile plain = Profile.forUrl(BrokerUrl.parse("mqtts://127.0.0.1:8883"));
        Profile trusting = plain.toBuilder().settings(plain.settings().toBuilder()
                .tls(new io.mqttworkbench.mqtt.TlsSettings(null, null, null, null, false, true)).build()).build();
        List<ConnectionViewModel> connections = workspace(List.of(plain, trusting)).connections();
        assertThat(connections.get(0).insecureProperty().get()).isFalse();
        assertThat(connections.get(1).insecureProperty().get()).isTrue();
    }

    /** The message history on disk: after a restart the tree has each topic's last value before anything is received. */
    @Test
    void aRestartGivesTheTreeBackEachTopicsLastValueFromTheHistory() throws Exception {
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
        connection.connect();
        runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        String topic = "history/" + System.nanoTime();
        connection.subscriptions().form().filterProperty().set(topic + "/#");
        assertThat(connection.subscriptions().submit()).isTrue();
        runFramesUntil("SUBACK", () -> connection.subscriptions().rows().get(0).stateProperty().get() == SubscriptionRow.State.GRANTED);
        for (String value : List.of("first", "last")) {
            connection.publishing().topicProperty().set(topic + "/温度");
            connection.publishing().payloadProperty().set(value);
            connection.publishing().qosProperty().set(1);
            assertThat(connection.publishing().publish()).isTrue();
            runFramesUntil("the PUBACK", () -> connection.publishing().resultProperty().get().startsWith("PUBACK"));
        }
        runFramesUntil("both received", () -> connection.messages().size() == 2);
        workspace.shutdown(); // writes what is pending and closes the history
        workspace = null;
        library.close();
        // what the connection reported is kept beside the messages; our own publishes are not
        List<String> events = io.mqttworkbench.history.StoredEvents.read(
                io.mqttworkbench.history.MessageHistory.fileFor(configDir.resolve("messages"), profile.id()));
        assertThat(events).anyMatch(e -> e.startsWith("event:connack: ")).anyMatch(e -> e.startsWith("event:subscribe: ") && e.contains(topic))
                .noneMatch(e -> e.startsWith("event:publish"));

        ConnectionViewModel again = workspace(List.of(profile)).connections().get(0);
        runFramesUntil("the last value back in the tree", () -> again.traffic().tree().find(topic + "/温度") != null);
        var tree = again.traffic().tree();
        assertThat(new String(tree.stats(tree.find(topic + "/温度"), System.nanoTime()).last().payload(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("last");
        assertThat(again.stateProperty().get()).isNotEqualTo(ConnectionState.CONNECTED);
        // the timeline counts what the history kept, and the log shows it again, though nothing was received now
        again.timeline().refresh();
        runFramesUntil("the stored messages on the timeline", () -> again.timeline().bucketsProperty().get() != null
                && again.timeline().bucketsProperty().get().total() == 2);
        assertThat(again.messages()).hasSize(2);
        assertThat(again.log().receivedCountProperty().get()).isZero();
        assertThat(java.nio.file.Files.list(configDir.resolve("messages"))).anyMatch(p -> p.toString().endsWith(".sqlite"));
    }

    /** The profile's "Keep messages on disk" decides whether a file is written, and a save applies at once. */
    @Test
    void aProfileThatKeepsNothingOnDiskWritesNoFileUntilItsSettingsSayOtherwise() throws Exception {
        Profile profile = Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:1")).toBuilder()
                .history(io.mqttworkbench.profile.HistorySettings.DEFAULT.withKeepOnDisk(false)).build();
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
        Path file = io.mqttworkbench.history.MessageHistory.fileFor(configDir.resolve("messages"), profile.id());
        assertThat(connection.diskHistory().statusProperty().get()).startsWith("Not kept on disk: switched off");
        uiQueue.runFor(java.time.Duration.ofMillis(300), workspace);
        assertThat(file).doesNotExist();

        connection.updateProfile(profile.toBuilder().history(io.mqttworkbench.profile.HistorySettings.DEFAULT).build());
        runFramesUntil("the history open", () -> connection.diskHistory().statusProperty().get().startsWith("On disk: no messages yet"));
        assertThat(file).exists();
    }

    @Test
    void formsExplainWhatIsWrongAsTheUserTypes() {
        ConnectionViewModel connection = workspace(List.of(Profile.forUrl(BrokerUrl.parse("mqtt://127.0.0.1:1")))).connections().get(0);

        connection.subscriptions().form().filterProperty().set("a/#/b");
        assertThat(connection.subscriptions().form().problemProperty().get()).contains("# must be the last level");
        assertThat(connection.subscriptions().submit()).isFalse();

        connection.subscriptions().form().filterProperty().set("a/+");
        assertThat(connection.subscriptions().form().problemProperty().get()).isEmpty();
        // Offline, a subscription is kept and made on the next connect.
        assertThat(connection.subscriptions().submit()).isTrue();
        assertThat(connection.subscriptions().rows()).singleElement().satisfies(row -> {
            assertThat(row.filter()).isEqualTo("a/+");
            assertThat(row.stateProperty().get()).isEqualTo(SubscriptionRow.State.WAITING);
        });
        assertThat(connection.profile().subscriptionRequests()).extracting(r -> r.filter()).containsExactly("a/+");

        connection.publishing().topicProperty().set("a/+");
        assertThat(connection.publishing().topicProblemProperty().get()).contains("wildcard");
        assertThat(connection.publishing().publish()).isFalse();
    }

    @Test
    void quickConnectValidatesTheUrlAndClosingItsTabForgetsIt() {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()));
        vm.quickConnect().urlProperty().set("ftp://x");
        assertThat(vm.quickConnect().problemProperty().get()).contains("Unknown scheme 'ftp'");
        assertThat(vm.quickConnectToUrl()).isFalse();
        assertThat(vm.connections()).hasSize(1);

        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:1");
        assertThat(vm.quickConnectToUrl()).isTrue();
        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:2");
        assertThat(vm.quickConnectToUrl()).isTrue();
        assertThat(vm.connections()).hasSize(1); // no profile made
        assertThat(vm.openTabs()).hasSize(3);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("mqtt://127.0.0.1:2");

        vm.closeTab(vm.selectedProperty().get());
        vm.closeTab(vm.selectedProperty().get());
        assertThat(vm.openTabs()).hasSize(1);
        assertThat(vm.quickConnect().unsaved()).isEmpty();
        assertThat(vm.selectedProperty().get().profile().isSandbox()).isTrue();
    }

    @Test
    void theStoreCapIsReportedAsDropped() throws Exception {
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        workspace(List.of());
        ConnectionViewModel connection = new ConnectionViewModel(profile, new ProfileConnector(TestBroker.sandbox()), dialogs, ui, Runnable::run,
                new ReceivedTraffic(new MessageStore(5, Long.MAX_VALUE), new TopicTree()), () -> { }, Texts.english());
        workspace.connections().add(connection);
        connection.connect();
        runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        String topic = "vm/cap/" + System.nanoTime();
        connection.subscriptions().form().filterProperty().set(topic);
        connection.subscriptions().submit();
        runFramesUntil("SUBACK", () -> connection.subscriptions().rows().stream().anyMatch(r -> r.resultProperty().get().contains("granted")));
        connection.publishing().topicProperty().set(topic);
        for (int i = 0; i < 8; i++) {
            connection.publishing().publish();
        }
        runFramesUntil("8 received", () -> connection.log().receivedCountProperty().get() == 8);
        assertThat(connection.messages()).hasSize(5);
        assertThat(connection.log().droppedCountProperty().get()).isEqualTo(3);
    }

    @Test
    void anEditedProfileGetsANewConnectionThatKeepsTheUsersSubscriptions() throws Exception {
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        ConnectionViewModel connection = workspace(List.of(profile)).connections().get(0);
        connection.connect();
        runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        String topic = "vm/resub/" + System.nanoTime();
        connection.subscriptions().form().filterProperty().set(topic);
        connection.subscriptions().form().qosProperty().set(2);
        connection.subscriptions().submit();
        runFramesUntil("SUBACK", () -> connection.subscriptions().rows().stream().anyMatch(r -> r.resultProperty().get().contains("granted")));
        connection.disconnect();
        runFramesUntil("disconnected", () -> connection.stateProperty().get() == ConnectionState.DISCONNECTED);

        // Editing the profile means the next connect makes a new client, which must ask for the same again.
        connection.updateProfile(connection.profile().toBuilder().name("Renamed").build());
        connection.connect();
        runFramesUntil("connected again", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        runFramesUntil("subscribed again", () -> connection.subscriptions().rows().stream()
                .anyMatch(r -> r.filter().equals(topic) && r.resultProperty().get().equals("QoS 2 granted")));

        connection.publishing().topicProperty().set(topic);
        connection.publishing().payloadProperty().set("after the edit");
        connection.publishing().publish();
        runFramesUntil("received on the new connection", () -> connection.messages().size() == 1);
        // The released client's goodbye must not make the new one look disconnected.
        uiQueue.runFor(java.time.Duration.ofMillis(500), workspace);
        assertThat(connection.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }
}
