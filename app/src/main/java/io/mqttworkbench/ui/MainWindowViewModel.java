package io.mqttworkbench.ui;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.sandbox.SandboxBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace: the profiles in the sidebar, the connections open as tabs, the status bar and the theme.
 */
public final class MainWindowViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    private final ProfileConnector connector;
    private final Executor ui;
    private final ObservableList<ConnectionViewModel> connections = FXCollections.observableArrayList();
    private final ObservableList<ConnectionViewModel> openTabs = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionViewModel> selected = new SimpleObjectProperty<>();
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper newUrlProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sandboxStatus = new ReadOnlyStringWrapper("Sandbox broker stopped");
    private final ReadOnlyBooleanWrapper sandboxFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme;
    private final AtomicReference<SandboxBroker.Progress> sandboxProgress = new AtomicReference<>();

    public MainWindowViewModel(ProfileConnector connector, List<Profile> profiles, Executor ui, Theme initialTheme) {
        this.connector = connector;
        this.ui = ui;
        this.theme = new SimpleObjectProperty<>(initialTheme);
        profiles.forEach(p -> connections.add(newConnection(p)));
        connector.sandbox().addListener(sandboxProgress::set);
        newUrl.addListener((obs, old, text) -> newUrlProblem.set(problemWith(text)));
        if (!connections.isEmpty()) {
            open(connections.get(0));
        }
    }

    public ObservableList<ConnectionViewModel> connections() {
        return connections;
    }

    public ObservableList<ConnectionViewModel> openTabs() {
        return openTabs;
    }

    public ObjectProperty<ConnectionViewModel> selectedProperty() {
        return selected;
    }

    public StringProperty newUrlProperty() {
        return newUrl;
    }

    public ReadOnlyStringProperty newUrlProblemProperty() {
        return newUrlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sandboxStatusProperty() {
        return sandboxStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxFailedProperty() {
        return sandboxFailed.getReadOnlyProperty();
    }

    /** "2 of 3 connected · 1,204 msg/s". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Shows the connection in a tab, opening one if needed. */
    public void open(ConnectionViewModel connection) {
        if (!openTabs.contains(connection)) {
            openTabs.add(connection);
        }
        selected.set(connection);
    }

    /** Closes the tab; the connection is disconnected (its messages are kept until the profile is reopened). */
    public void closeTab(ConnectionViewModel connection) {
        connection.disconnect();
        openTabs.remove(connection);
        if (selected.get() == connection) {
            selected.set(openTabs.isEmpty() ? null : openTabs.get(openTabs.size() - 1));
        }
    }

    /** Adds a profile for the typed URL, opens it and connects; false (with the reason shown) when the URL is bad. */
    public boolean addConnectionFromUrl() {
        String text = newUrl.get() == null ? "" : newUrl.get().trim();
        if (text.isEmpty()) {
            newUrlProblem.set("Type a broker URL, such as mqtt://localhost:1883 or ws://localhost:8083/mqtt");
            return false;
        }
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(text);
        } catch (IllegalArgumentException e) {
            newUrlProblem.set(e.getMessage());
            return false;
        }
        ConnectionViewModel connection = connections.stream()
                .filter(c -> !c.profile().isSandbox() && c.profile().settings().url().equals(url))
                .findFirst()
                .orElseGet(() -> {
                    ConnectionViewModel created = newConnection(Profile.forUrl(url));
                    connections.add(created);
                    return created;
                });
        newUrl.set("");
        open(connection);
        connection.connect();
        return true;
    }

    /** Applies the news of the last frame to every connection and the status bar. JavaFX thread. */
    public void onFrame(long nowNanos) {
        for (ConnectionViewModel connection : connections) {
            connection.onFrame(nowNanos);
        }
        SandboxBroker.Progress progress = sandboxProgress.getAndSet(null);
        if (progress != null) {
            sandboxStatus.set(progress.message());
            sandboxFailed.set(progress.phase() == SandboxBroker.Phase.FAILED);
        }
        long connected = connections.stream().filter(c -> c.stateProperty().get() == ConnectionState.CONNECTED).count();
        double rate = 0;
        for (ConnectionViewModel connection : connections) {
            rate += connection.messagesPerSecondProperty().get();
        }
        summary.set(connected + " of " + connections.size() + " connected · " + String.format(Locale.ROOT, "%,.0f", rate) + " msg/s");
    }

    /** Closes every connection, in parallel, waiting a few seconds at most. Called when the application stops. */
    public void shutdown() {
        List<Thread> closers = new ArrayList<>();
        for (ConnectionViewModel connection : connections) {
            Thread closer = new Thread(connection::close, "close-" + connection.name());
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.currentTimeMillis() + 6_000;
        for (Thread closer : closers) {
            try {
                closer.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("closed {} connection(s)", closers.size());
    }

    private ConnectionViewModel newConnection(Profile profile) {
        return new ConnectionViewModel(profile, connector, ui, new MessageStore());
    }

    private static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            BrokerUrl.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
