package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.JwtGenerator;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managing profiles without a window: the dialogs answer from a script, the store is a real file. */
class ProfilesViewModelTest {

    @TempDir
    Path configDir;
    private final UiQueue uiQueue = new UiQueue();
    private final Executor ui = uiQueue.executor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ProfileLibrary library;
    private MainWindowViewModel workspace;

    private MainWindowViewModel workspace(List<Profile> profiles) {
        return workspace(profiles, Texts.english());
    }

    private MainWindowViewModel workspace(List<Profile> profiles, Texts texts) {
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(profiles, connector, library, dialogs, ui, Runnable::run, configDir.resolve("certificates"), texts);
        workspace = new MainWindowViewModel(all, connector, WorkspaceState.EMPTY, Theme.LIGHT, texts);
        return workspace;
    }

    @AfterEach
    void shutdown() {
        if (workspace != null) {
            workspace.shutdown();
        }
        if (library != null) {
            library.close(); // its writer must be done before the temporary folder is deleted
        }
    }

    private List<Profile> savedProfiles() {
        library.close(); // flushes the background save
        return new ProfileStore(configDir).load().profiles();
    }

    private void runFramesUntil(String what, BooleanSupplier condition) throws InterruptedException {
        uiQueue.runUntil(what, workspace, condition);
    }

    private static Profile profile(String name, String folder) {
        return Profile.builder(name, ConnectionSettings.builder(BrokerUrl.parse("mqtt://127.0.0.1:1")).build()).folder(folder).build();
    }

    @Test
    void createsEditsRenamesDuplicatesAndSavesEachChange() {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()));
        dialogs.editor = blank -> blank.toBuilder().name("Staging EMQX").folder("Staging").color("#8250DF").build();
        vm.createProfile();
        ConnectionViewModel staging = vm.connections().get(1);
        assertThat(vm.selectedProperty().get()).isSameAs(staging);

        dialogs.editor = current -> current.toBuilder().settings(current.settings().toBuilder().url(BrokerUrl.parse("ws://127.0.0.1:8083/mqtt")).build()).build();
        vm.profiles().edit(staging);
        dialogs.texts.push(Optional.of("Staging bus"));
        vm.profiles().rename(staging);
        ConnectionViewModel copy = vm.profiles().duplicate(staging);

        assertThat(staging.name()).isEqualTo("Staging bus");
        assertThat(staging.addressProperty().get()).isEqualTo("ws://127.0.0.1:8083/mqtt");
        assertThat(copy.name()).isEqualTo("Staging bus (copy)");
        assertThat(copy.profile().id()).isNotEqualTo(staging.profile().id());
        assertThat(savedProfiles()).extracting(Profile::name).containsExactly("Local sandbox", "Staging bus", "Staging bus (copy)");
    }

    @Test
    void aConnectionOpenedAndConnectedLeavesTheOfferToReopenIt() {
        List<Profile> profiles = List.of(profile("a", ""), profile("b", ""));
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(profiles, connector, library, dialogs, ui, Runnable::run, configDir.resolve("certificates"), Texts.english());
        WorkspaceState last = new WorkspaceState(List.of(profiles.get(0).id(), profiles.get(1).id()), null, null, null, null, null, false, "", null);
        workspace = new MainWindowViewModel(all, connector, last, Theme.LIGHT, Texts.english());
        assertThat(workspace.reopenOfferProperty().get()).isEqualTo("2 connections were open when you closed the workbench.");

        workspace.openAndConnect(workspace.connections().get(0)); // as --connect a does
        assertThat(workspace.reopenOfferProperty().get()).isEqualTo("'b' was connected when you closed the workbench.");
        workspace.openAndConnect(workspace.connections().get(1));
        assertThat(workspace.reopenOfferProperty().get()).isEmpty();
    }

    @Test
    void aQuickConnectUrlWithCredentialsConnectsWithThemAndNamesNoPassword() {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()));
        vm.quickConnect().urlProperty().set("mqtt://" + TestBroker.USER + ":wonder%2Fland@127.0.0.1:1");
        assertThat(vm.quickConnect().problemProperty().get()).isEmpty();
        assertThat(vm.quickConnectToUrl()).isTrue();
        ConnectionViewModel added = vm.selectedProperty().get();

        assertThat(added.profile().settings().username()).isEqualTo(TestBroker.USER);
        assertThat(added.profile().settings().password()).isEqualTo("wonder/land".toCharArray());
        assertThat(added.name()).isEqualTo("alice @ mqtt://127.0.0.1:1").doesNotContain("wonder");
        vm.quickConnect().urlProperty().set("mqtt://" + TestBroker.USER + ":wonder%2Fland@127.0.0.1:1");
        vm.quickConnectToUrl();
        assertThat(vm.selectedProperty().get()).isSameAs(added);
        vm.quickConnect().urlProperty().set("mqtt://bob:x@127.0.0.1:1");
        vm.quickConnectToUrl();
        assertThat(vm.selectedProperty().get()).isNotSameAs(added);

        vm.quickConnect().urlProperty().set("mqtt://alice:s3 cret@127.0.0.1:1");
        assertThat(vm.quickConnect().problemProperty().get()).contains("not a valid URL").doesNotContain("s3 cret");
    }

    @Test
    void cancellingTheEditorChangesNothing() {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()));
        dialogs.editor = blank -> null;
        vm.createProfile();
        assertThat(vm.connections()).hasSize(1);
    }

    @Test
    void movesWithinAFolderAndIntoAnother() {
        MainWindowViewModel vm = workspace(List.of(profile("a", "F"), profile("x", ""), profile("b", "F"), profile("c", "F")));
        ConnectionViewModel c = vm.connections().get(3);
        vm.open(c);
        vm.profiles().move(c, -1);
        assertThat(vm.profiles().profiles()).extracting(Profile::name).containsExactly("a", "x", "c", "b");
        assertThat(vm.openTabs()).as("moving is not closing").contains(c);
        assertThat(vm.selectedProperty().get()).isSameAs(c);
        vm.profiles().move(c, -1);
        assertThat(vm.profiles().profiles()).extracting(Profile::name).containsExactly("c", "a", "x", "b");
        dialogs.texts.push(Optional.of(" Customers // ACME "));
        vm.profiles().moveToFolder(c);
        assertThat(c.profile().folder()).isEqualTo("Customers/ACME");
        assertThat(savedProfiles()).filteredOn(p -> p.name().equals("c")).singleElement()
                .satisfies(p -> assertThat(p.folder()).isEqualTo("Customers/ACME"));
    }

    @Test
    void deletesOnlyAfterConfirmingAndNeverTheSandbox() {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox(), profile("gone", "")));
        ConnectionViewModel gone = vm.connections().get(1);
        vm.open(gone);

        dialogs.confirmations.push(false);
        assertThat(vm.profiles().delete(gone)).isFalse();
        assertThat(vm.connections()).hasSize(2);

        java.nio.file.Path history = io.mqttworkbench.history.MessageHistory.fileFor(configDir.resolve("messages"), gone.profile().id());
        assertThat(history).exists(); // opened when the profile was loaded
        dialogs.confirmations.push(true);
        assertThat(vm.profiles().delete(gone)).isTrue();
        assertThat(history).doesNotExist();
        assertThat(vm.connections()).hasSize(1);
        assertThat(vm.openTabs()).doesNotContain(gone);
        assertThat(dialogs.asked).anySatisfy(question -> assertThat(question).contains("Delete the profile 'gone'?"));

        assertThat(vm.profiles().delete(vm.connections().get(0))).isFalse();
        assertThat(dialogs.shown).anySatisfy(message -> assertThat(message).contains("cannot be deleted"));
        assertThat(savedProfiles()).hasSize(1);
    }

    @Test
    void asksForAPasswordThatIsNotStoredAndConnectsWithIt() throws Exception {
        Profile asking = Profile.builder("Secured", ConnectionSettings.builder(TestBroker.tcpUrl()).username(TestBroker.USER).build())
                .askForPassword(true).build();
        MainWindowViewModel vm = workspace(List.of(asking));
        ConnectionViewModel connection = vm.connections().get(0);

        connection.connect(); // cancelled at the prompt
        assertThat(connection.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);

        dialogs.passwords.push(Optional.of(TestBroker.PASSWORD.toCharArray()));
        connection.connect();
        runFramesUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(dialogs.asked).filteredOn(q -> q.startsWith("password for Secured")).hasSize(2);
        vm.profiles().save();
        library.close();
        assertThat(Files.readString(configDir.resolve(ProfileStore.FILE_NAME))).contains("Secured").doesNotContain(TestBroker.PASSWORD);
    }

    @Test
    void warnsBeforeConnectingWithAnExpiredToken() {
        String expired = new JwtGenerator(Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC))
                .generate(new JwtRequest("a-shared-secret-of-32-bytes-at-least!", JwtRequest.Algorithm.HS256, "alice", Map.of(), Duration.ofHours(1)));
        Profile withToken = Profile.builder("Token", ConnectionSettings.builder(TestBroker.tcpUrl()).username("alice")
                .password(expired.toCharArray()).build()).build();
        MainWindowViewModel vm = workspace(List.of(withToken));

        dialogs.confirmations.push(false);
        vm.connections().get(0).connect();

        assertThat(vm.connections().get(0).stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(dialogs.asked).anySatisfy(question -> assertThat(question).startsWith("Expired token").contains("expired"));
    }

    @Test
    void exportsWithoutSecretsAndImportsBack() throws Exception {
        Profile secret = Profile.builder("Prod", ConnectionSettings.builder(BrokerUrl.parse("mqtts://prod.example:8883"))
                .username("ops").password("hunter2".toCharArray()).build()).folder("Production").build();
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox(), secret));
        Path file = configDir.resolve("export.json");
        dialogs.exportChoice = new DialogService.ExportChoice(List.of(secret), false);
        dialogs.files.push(Optional.of(file));
        vm.profiles().exportProfiles();
        runFramesUntil("the export written", () -> Files.exists(file));
        assertThat(Files.readString(file)).contains("prod.example").doesNotContain("hunter2");

        MainWindowViewModel other = workspace(List.of(Profile.sandbox()));
        other.profiles().importFrom(file);
        runFramesUntil("the import applied", () -> other.connections().size() == 2);
        assertThat(other.connections().get(1).profile().folder()).isEqualTo("Production");
        assertThat(other.connections().get(1).profile().settings().hasPassword()).isFalse();
        assertThat(dialogs.shown).anySatisfy(message -> assertThat(message).startsWith("info Import: Imported 1 profile"));
    }

    @Test
    void aBrokenImportFileIsExplained() throws Exception {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()));
        Path file = configDir.resolve("broken.json");
        Files.writeString(file, "{ this is not json");
        vm.profiles().importFrom(file);
        runFramesUntil("the error shown", () -> !dialogs.shown.isEmpty());
        assertThat(dialogs.shown.get(0)).startsWith("error Import failed: broken.json could not be imported:");
        assertThat(vm.connections()).hasSize(1);
    }

    @Test
    void importNotesAndAnUnreadableImportAreShownInChinese() throws Exception {
        MainWindowViewModel vm = workspace(List.of(Profile.sandbox()), Texts.simplifiedChinese());
        Path file = configDir.resolve("explorer.json");
        Files.writeString(file, """
                {"a": {"configVersion": 1, "type": "mqtt", "name": "Plain", "host": "h", "port": 1883, "protocol": "mqtt",
                       "encryption": false, "certValidation": true, "selfSignedCertificate": {"name": "ca.pem", "data": "LS0tLS1CRUdJTg=="},
                       "subscriptions": []},
                 "b": {"configVersion": 1, "type": "mqtt", "name": "No host", "host": "", "port": 1883}}
                """);
        vm.profiles().importFrom(file);
        runFramesUntil("the notes shown", () -> !dialogs.shown.isEmpty());
        assertThat(dialogs.shown.get(0)).contains("\n• 连接 1“Plain”：其证书未导入：该连接未启用加密，MQTT Explorer 也未使用这些证书")
                .contains("\n• 连接 2“No host”未导入：它没有主机");

        Path other = configDir.resolve("other.json");
        Files.writeString(other, "{\"a\": 1}");
        vm.profiles().importFrom(other);
        runFramesUntil("the error shown", () -> dialogs.shown.size() == 2);
        assertThat(dialogs.shown.get(1)).endsWith("不是连接配置文件：应为 MQTT Workbench 连接配置文件、MQTTX 导出文件或 MQTT Explorer 的设置");
    }
}
