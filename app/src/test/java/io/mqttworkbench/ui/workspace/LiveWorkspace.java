package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A workspace of real connections for view-model tests: the test's thread plays the JavaFX thread
 * (queued UI work and frames run while waiting), dialogs answer from a script.
 */
public final class LiveWorkspace implements AutoCloseable {
    final UiQueue uiQueue = new UiQueue();
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final ProfileLibrary library;
    final MainWindowViewModel workspace;

    LiveWorkspace(Path configDir, List<Profile> profiles) {
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(profiles, connector, library, dialogs, uiQueue.executor(), Runnable::run,
                configDir.resolve("certificates"), Texts.english());
        workspace = new MainWindowViewModel(all, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
    }

    public ConnectionViewModel connection(int index) {
        return workspace.connections().get(index);
    }

    /** Connects the profile at {@code index} and waits for CONNACK. */
    public ConnectionViewModel connect(int index) throws InterruptedException {
        ConnectionViewModel connection = connection(index);
        connection.connect();
        runUntil("connected", () -> connection.stateProperty().get() == ConnectionState.CONNECTED);
        return connection;
    }

    public void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
        uiQueue.runUntil(what, workspace, condition);
    }

    public void runFor(Duration duration) throws InterruptedException {
        uiQueue.runFor(duration, workspace);
    }

    public static SubscriptionRow row(ConnectionViewModel connection, String filter) {
        return connection.subscriptions().rows().stream().filter(r -> r.filter().equals(filter)).findFirst().orElseThrow();
    }

    /** Subscribes through the form and waits for the broker's answer. */
    public void subscribe(ConnectionViewModel connection, String filter, int qos) throws InterruptedException {
        SubscriptionForm form = connection.subscriptions().form();
        form.filterProperty().set(filter);
        form.qosProperty().set(qos);
        assertThat(connection.subscriptions().submit()).as(form.problemProperty().get()).isTrue();
        runUntil("SUBACK for " + filter, () -> row(connection, filter).stateProperty().get() != SubscriptionRow.State.PENDING);
    }

    /** Publishes through the form (QoS 0 unless the form says otherwise). */
    public static void publish(ConnectionViewModel connection, String topic, String payload, boolean retain) {
        connection.publishing().topicProperty().set(topic);
        connection.publishing().payloadProperty().set(payload);
        connection.publishing().retainProperty().set(retain);
        assertThat(connection.publishing().publish()).isTrue();
    }

    @Override
    public void close() {
        workspace.shutdown();
        library.close(); // its writer must be done before the temporary folder is deleted
    }
}
