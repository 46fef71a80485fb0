package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick connect opens a connection saved nowhere, subscribed to #, that "Save as profile…" turns into a profile. */
class QuickConnectTest {

    @TempDir
    Path configDir;
    private final UiQueue uiQueue = new UiQueue();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ProfileLibrary library;
    private MainWindowViewModel workspace;

    private MainWindowViewModel workspace(WorkspaceState last) {
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(List.of(Profile.sandbox()), connector, library, dialogs, uiQueue.executor(), Runnable::run,
                configDir.resolve("certificates"), Texts.english());
        workspace = new MainWindowViewModel(all, connector, last, Theme.LIGHT, Texts.english());
        return workspace;
    }

    @AfterEach
    void shutdown() {
        if (workspace != null) {
            workspace.shutdown();
        }
        if (library != null) {
            library.close();
        }
    }

    /** Every file under the configuration folder whose name or content mentions the text. */
    private List<Path> filesMentioning(String text) throws Exception {
        library.close(); // flushes a pending background save
        try (Stream<Path> files = Files.walk(configDir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return f.getFileName().toString().contains(text) || Files.readString(f, StandardCharsets.ISO_8859_1).contains(text);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    @Test
    void quickConnectWritesNoProfileAndReceivesEverything() throws Exception {
        MainWindowViewModel vm = workspace(WorkspaceState.EMPTY);
        BrokerUrl broker = TestBroker.tcpUrl();
        vm.quickConnect().urlProperty().set(broker.toString());
        assertThat(vm.quickConnectToUrl()).isTrue();
        ConnectionViewModel quick = vm.selectedProperty().get();

        assertThat(vm.quickConnect().isUnsaved(quick)).isTrue();
        assertThat(vm.connections()).extracting(ConnectionViewModel::name).containsExactly("Local sandbox");
        assertThat(quick.subscriptions().rows()).extracting(SubscriptionRow::filter).containsExactly("#");
        uiQueue.runUntil("# granted", vm, () -> quick.stateProperty().get() == ConnectionState.CONNECTED
                && quick.subscriptions().rows().get(0).stateProperty().get() == SubscriptionRow.State.GRANTED);

        String payload = "quick-" + UUID.randomUUID();
        try (BrokerConnection publisher = new BrokerConnection("p", ConnectionSettings.builder(broker).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            publisher.publish(new PublishRequest("a/b", payload.getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
        }
        uiQueue.runUntil("a/b received", vm, () -> quick.messages().stream()
                .anyMatch(m -> m.topic().equals("a/b") && new String(m.payload(), StandardCharsets.UTF_8).equals(payload)));

        // Nothing of it is written: no profile, no message history, no publish history, and no offer to reopen it.
        WorkspaceState captured = vm.capture(null, null, null, null, false);
        assertThat(captured.openProfileIds()).doesNotContain(quick.profile().id());
        assertThat(captured.selectedProfileId()).isNull();
        vm.closeTab(quick);
        assertThat(vm.quickConnect().unsaved()).isEmpty();
        assertThat(filesMentioning(quick.profile().id())).isEmpty();
        assertThat(filesMentioning(broker.host() + ":" + broker.port())).isEmpty();
        assertThat(new ProfileStore(configDir).load().profiles()).extracting(Profile::name).containsExactly("Local sandbox");
    }

    @Test
    void saveAsProfileWritesTheUrlsSettingsAndTheSubscriptionsAndKeepsHistoryFromThen() throws Exception {
        MainWindowViewModel vm = workspace(WorkspaceState.EMPTY);
        vm.quickConnect().urlProperty().set("ws://" + TestBroker.USER + ":wonder%2Fland@127.0.0.1:1/mqtt-path");
        assertThat(vm.quickConnectToUrl()).isTrue();
        ConnectionViewModel quick = vm.selectedProperty().get();
        quick.subscriptions().form().filterProperty().set("c/+");
        assertThat(quick.subscriptions().submit()).isTrue();

        Profile[] offered = new Profile[1];
        dialogs.editor = draft -> {
            offered[0] = draft;
            return draft.toBuilder().name("Lab").build();
        };
        assertThat(vm.saveAsProfile(quick)).isTrue();

        assertThat(offered[0].settings().url()).isEqualTo(new BrokerUrl(Transport.WEBSOCKET, "127.0.0.1", 1, "/mqtt-path"));
        assertThat(offered[0].subscriptions()).extracting(SavedSubscription::filter).containsExactly("#", "c/+");
        assertThat(vm.quickConnect().isUnsaved(quick)).isFalse();
        assertThat(vm.connections()).contains(quick);
        assertThat(vm.openTabs()).contains(quick);
        assertThat(quick.name()).isEqualTo("Lab");
        uiQueue.runUntil("the history open", vm, () -> quick.diskHistory().statusProperty().get().startsWith("On disk"));
        assertThat(vm.capture(null, null, null, null, false).selectedProfileId()).isEqualTo(quick.profile().id());

        library.close(); // flushes the background save
        List<Profile> saved = new ProfileStore(configDir).load().profiles();
        assertThat(saved).extracting(Profile::name).containsExactly("Local sandbox", "Lab");
        Profile lab = saved.get(1);
        assertThat(lab.id()).isEqualTo(quick.profile().id());
        assertThat(lab.settings().url().transport()).isEqualTo(Transport.WEBSOCKET);
        assertThat(lab.settings().url().host()).isEqualTo("127.0.0.1");
        assertThat(lab.settings().url().port()).isEqualTo(1);
        assertThat(lab.settings().url().path()).isEqualTo("/mqtt-path");
        assertThat(lab.settings().username()).isEqualTo(TestBroker.USER);
        assertThat(lab.subscriptions()).extracting(SavedSubscription::filter).containsExactly("#", "c/+");
    }

    @Test
    void cancellingSaveAsProfileKeepsTheConnectionUnsaved() throws Exception {
        MainWindowViewModel vm = workspace(WorkspaceState.EMPTY);
        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:1");
        vm.quickConnectToUrl();
        ConnectionViewModel quick = vm.selectedProperty().get();
        quick.subscriptions().form().filterProperty().set("c/+");
        assertThat(quick.subscriptions().submit()).isTrue(); // a changed subscription saves nothing while unsaved
        dialogs.editor = draft -> null;
        assertThat(vm.saveAsProfile(quick)).isFalse();
        assertThat(vm.quickConnect().isUnsaved(quick)).isTrue();
        assertThat(vm.connections()).doesNotContain(quick);
        assertThat(filesMentioning(quick.profile().id())).isEmpty();
        assertThat(filesMentioning("c/+")).isEmpty();
    }

    @Test
    void theSubscribeToAllSettingIsRememberedAndCanBeSwitchedOff() {
        MainWindowViewModel vm = workspace(WorkspaceState.EMPTY);
        assertThat(vm.quickConnect().subscribeAllProperty().get()).isTrue();
        vm.quickConnect().subscribeAllProperty().set(false);
        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:1");
        vm.quickConnectToUrl();
        assertThat(vm.selectedProperty().get().subscriptions().rows()).isEmpty();
        WorkspaceState captured = vm.capture(null, null, null, null, false);
        assertThat(captured.quickConnectSubscribeAll()).isFalse();
        workspace.shutdown();
        library.close();

        assertThat(workspace(captured).quickConnect().subscribeAllProperty().get()).isFalse();
    }

    @Test
    void aBadUrlIsExplainedBesideTheFieldAndOpensNothing() {
        MainWindowViewModel vm = workspace(WorkspaceState.EMPTY);
        vm.quickConnect().urlProperty().set("ftp://x");
        assertThat(vm.quickConnect().problemProperty().get()).contains("Unknown scheme 'ftp'");
        assertThat(vm.quickConnectToUrl()).isFalse();
        vm.quickConnect().urlProperty().set("");
        assertThat(vm.quickConnectToUrl()).isFalse();
        assertThat(vm.quickConnect().problemProperty().get()).contains("Type a broker URL");
        assertThat(vm.quickConnect().unsaved()).isEmpty();

        // The same URL twice selects the one quick connection open for it.
        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:1");
        vm.quickConnectToUrl();
        ConnectionViewModel first = vm.selectedProperty().get();
        vm.quickConnect().urlProperty().set("mqtt://127.0.0.1:1");
        vm.quickConnectToUrl();
        assertThat(vm.selectedProperty().get()).isSameAs(first);
        assertThat(vm.quickConnect().unsaved()).containsExactly(first);
    }
}
