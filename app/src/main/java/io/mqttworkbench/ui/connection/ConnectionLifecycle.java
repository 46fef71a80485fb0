package io.mqttworkbench.ui.connection;

import io.mqttworkbench.message.MessagePump;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ConnectionStatus;
import io.mqttworkbench.mqtt.GapWatcher;
import io.mqttworkbench.profile.JwtToken;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.publish.PublishViewModel;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile's broker connection from connect to close: asking for a password, resolving the settings,
 * making (and remaking) the {@link BrokerConnection} with its message pump, and taking its status once
 * per frame. Split from {@link ConnectionViewModel} so the view model only wires the screens together.
 */
final class ConnectionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);

    private final ProfileConnector connector;
    private final DialogService dialogs;
    private final Executor ui;
    private final ReceivedTraffic traffic;
    private final DiskHistoryViewModel diskHistory;
    private final SubscriptionsViewModel subscriptions;
    private final PublishViewModel publishing;
    private final ObservableList<ConnectionEvent> events;
    private final Supplier<String> name;
    private final Texts texts;

    final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    final ReadOnlyStringWrapper statusText;
    final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper();

    /** What the current connection reported since the last frame; a new feed for every new connection. */
    private ConnectionFeed feed = new ConnectionFeed();

    // JavaFX thread only.
    /** Written on the JavaFX thread; read by the history writer to name the subscription a message came through. */
    private volatile BrokerConnection connection;
    /** The profile {@link #connection} was made from; an edited profile gets a new connection on the next connect. */
    private Profile connectionProfile;
    private MessagePump pump;
    private boolean connectRequested;

    /** @param events the connection's event log, which the view model shows */
    ConnectionLifecycle(ProfileConnector connector, DialogService dialogs, Executor ui, ReceivedTraffic traffic,
                        DiskHistoryViewModel diskHistory, SubscriptionsViewModel subscriptions, PublishViewModel publishing,
                        ObservableList<ConnectionEvent> events, Supplier<String> name, Texts texts) {
        this.connector = connector;
        this.dialogs = dialogs;
        this.ui = ui;
        this.traffic = traffic;
        this.diskHistory = diskHistory;
        this.subscriptions = subscriptions;
        this.publishing = publishing;
        this.events = events;
        this.name = name;
        this.texts = texts;
        this.statusText = new ReadOnlyStringWrapper(texts.text("connection.status.not.connected"));
    }

    /** The connection made last, up or not; null before the first connect. */
    BrokerConnection connection() {
        return connection;
    }

    BrokerConnection connectedConnection() {
        return connection != null && connection.status().state() == ConnectionState.CONNECTED ? connection : null;
    }

    /** An edited profile: an open connection keeps its settings, so the address changes only when none is open. */
    void profileEdited(Profile edited) {
        if (connection == null || edited.isSandbox()) {
            address.set(edited.isSandbox() ? texts.text("connection.address.sandbox") : edited.settings().url().toString());
        }
        if (connection != null && state.get().isActive() && !edited.settings().toString().equals(connectionProfile.settings().toString())) {
            events.add(ConnectionEvent.now(ConnectionEvent.Kind.INFO, texts.text("connection.profile.saved")));
        }
    }

    /**
     * Connects (starting the sandbox broker first for the sandbox profile). Asks for the password of a
     * profile that does not store one, and before using a token that has expired.
     */
    void connect(Profile current) {
        if (state.get().isActive()) {
            return;
        }
        char[] askedPassword = null;
        if (current.askForPassword()) {
            Optional<char[]> typed = dialogs.askPassword(current.name(), current.settings().username() == null ? ""
                    : texts.format("connection.password.user", current.settings().username()));
            if (typed.isEmpty()) {
                return;
            }
            askedPassword = typed.get();
        }
        char[] password = askedPassword != null ? askedPassword : current.settings().password();
        Optional<JwtToken> token = password == null ? Optional.empty() : JwtToken.tryParse(new String(password));
        if (token.isPresent() && token.get().isExpired(Instant.now()) && !dialogs.confirm(texts.text("connection.token.expired.title"),
                texts.format("connection.token.expired", current.name(), token.get().summary(Instant.now())),
                texts.text("connection.token.expired.connect"))) {
            return;
        }
        connectRequested = true;
        subscriptions.subscribeAllOnConnect(current.subscribeAllOnConnect()); // back if it was unsubscribed by hand
        state.set(ConnectionState.CONNECTING);
        statusText.set(current.isSandbox() ? texts.text("connection.status.starting.sandbox")
                : texts.format("connection.status.connecting.to", current.settings().url()));
        connector.resolve(current, askedPassword).whenCompleteAsync((settings, error) -> {
            if (!connectRequested) {
                return; // the user gave up while the sandbox was starting
            }
            if (error != null) {
                String reason = ConnectionException.unwrap(error).getMessage();
                state.set(ConnectionState.FAILED);
                statusText.set(summary(ConnectionState.FAILED, reason));
                events.add(ConnectionEvent.now(ConnectionEvent.Kind.ERROR, reason));
                return;
            }
            connectWith(current, settings);
        }, ui);
    }

    private void connectWith(Profile current, ConnectionSettings settings) {
        if (connection != null && (connectionProfile != current || !connection.settings().url().equals(settings.url())
                || current.askForPassword() || current.randomClientIdSuffix())) {
            release(); // edited, a new password, a new client id, or the sandbox came back on another port
        }
        if (connection == null) {
            connectionProfile = current;
            connection = new BrokerConnection(current.name(), settings);
            feed = new ConnectionFeed().alsoTo(diskHistory::note);
            connection.addListener(feed);
            connection.addListener(new GapWatcher(connection, traffic.gaps()));
            pump = traffic.pumpFrom(current.name(), connection.inbound()).start();
            address.set(settings.url().toString());
        }
        // Subscriptions are made when the frame sees the connection up (see takeStatus), for a first
        // connect, a reconnect and an automatic one alike.
        connection.connect();
    }

    void disconnect() {
        connectRequested = false;
        if (connection != null) {
            connection.disconnect();
        } else if (state.get().isActive()) {
            state.set(ConnectionState.DISCONNECTED);
            statusText.set(texts.text("connection.status.not.connected"));
        }
    }

    /** Applies the status and the restored subscriptions reported since the last frame. JavaFX thread. */
    void takeStatus() {
        ConnectionStatus status = feed.takeStatus();
        if (status != null) {
            boolean cameUp = status.state() == ConnectionState.CONNECTED && state.get() != ConnectionState.CONNECTED;
            boolean wentDown = status.state() != ConnectionState.CONNECTED && state.get() == ConnectionState.CONNECTED;
            state.set(status.state());
            if (wentDown) {
                subscriptions.connectionDown(status.state() == ConnectionState.RECONNECTING);
            }
            statusText.set(summary(status.state(), status.reason()));
            if (cameUp && connection != null) {
                subscriptions.connected(connection);
                publishing.capabilitiesChanged(connection.capabilities(), connection.settings().engine());
            }
        }
        for (ConnectionFeed.Restored restored : feed.takeRestores()) {
            subscriptions.restored(restored.outcomes(), restored.keptBySession());
        }
    }

    /** "Failed: 0x86 Bad user name or password": the state in the interface language, the reason as the connection gave it. */
    private String summary(ConnectionState state, String reason) {
        String label = stateLabel(texts, state);
        return reason == null || reason.isBlank() ? label : texts.format("connection.status.reason", label, new ConnectionTexts(texts).of(reason));
    }

    /** The state's name in the interface language: Connected, 已连接. */
    static String stateLabel(Texts texts, ConnectionState state) {
        return texts.text("connection.state." + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Moves the events reported since the last frame into the event log, keeping its newest {@code limit}. */
    void drainEvents(int limit) {
        feed.drainEventsInto(events, limit);
    }

    /** Disconnects and frees the connection's threads. Blocks up to a few seconds: not on the JavaFX thread. */
    void close() {
        BrokerConnection current = connection;
        MessagePump currentPump = pump;
        if (current != null) {
            current.close();
        }
        if (currentPump != null) {
            currentPump.close();
        }
    }

    private void release() {
        BrokerConnection old = connection;
        MessagePump oldPump = pump;
        feed.detachFrom(old);
        connection = null;
        pump = null;
        Thread closer = new Thread(() -> {
            old.close();
            oldPump.close();
        }, "connection-release-" + name.get());
        closer.setDaemon(true);
        closer.start();
        LOG.info("released the old connection of {}", name.get());
    }
}
