package io.mqttworkbench.ui.connection;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.MessagePump;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.GapWatcher;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ConnectionStatus;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.JwtToken;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.ui.broker.BrokerStatsViewModel;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.TopicDecoders;
import io.mqttworkbench.ui.log.MessageActions;
import io.mqttworkbench.ui.log.MessageDetailViewModel;
import io.mqttworkbench.ui.log.MessageLogViewModel;
import io.mqttworkbench.ui.log.TimelineViewModel;
import io.mqttworkbench.ui.publish.ComposerLibraryViewModel;
import io.mqttworkbench.ui.publish.PublishStorage;
import io.mqttworkbench.ui.publish.PublishViewModel;
import io.mqttworkbench.ui.replay.ReplayViewModel;
import io.mqttworkbench.ui.tree.StoredMessages;
import io.mqttworkbench.ui.tree.TopicActions;
import io.mqttworkbench.ui.tree.TopicDetailViewModel;
import io.mqttworkbench.ui.tree.TopicTreeViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One profile in the workspace: its connection, state, event log and received messages. Everything
 * the connection reports from its own thread is queued and applied in {@link #onFrame(long)}, once per
 * frame, so a flood of messages or events never floods the JavaFX thread with tasks.
 */
public final class ConnectionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionViewModel.class);
    static final int EVENT_LIMIT = 1_000;

    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ProfileConnector connector;
    private final DialogService dialogs;
    private final Executor ui;
    private final Executor background;
    private final ReceivedTraffic traffic;
    private final MessageStore store;
    private final Runnable saveProfiles;
    private final MessageLogViewModel log;
    private final TimelineViewModel timeline;
    private final DiskHistoryViewModel diskHistory;
    private final SubscriptionsViewModel subscriptions;
    private final PublishViewModel publishing;
    private final ConnectionTools tools;
    private final TopicTreeViewModel topics;
    private final TopicActions topicActions;
    private final TopicDetailViewModel topicDetail;
    private final BrokerStatsViewModel brokerStats;
    private final MessageDetailViewModel messageDetail;
    private final MessageActions messageActions;

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper insecure = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObservableList<ConnectionEvent> events = FXCollections.observableArrayList();

    /** What the current connection reported since the last frame; a new feed for every new connection. */
    private ConnectionFeed feed = new ConnectionFeed();

    // JavaFX thread only.
    private BrokerConnection connection;
    /** The profile {@link #connection} was made from; an edited profile gets a new connection on the next connect. */
    private Profile connectionProfile;
    private MessagePump pump;
    private boolean connectRequested;

    /**
     * @param background decodes, diffs and charts payloads off the JavaFX thread
     * @param traffic where received messages go (message log and topic tree); it outlives connections
     * @param saveProfiles persists the profiles after this connection changed its own (its subscriptions)
     */
    public ConnectionViewModel(Profile profile, ProfileConnector connector, DialogService dialogs, Executor ui, Executor background,
                               ReceivedTraffic traffic, Runnable saveProfiles) {
        this(profile, connector, dialogs, ui, background, traffic, saveProfiles, new DecoderRegistry(), null);
    }

    /**
     * @param decoders shared by the workspace, with the Protobuf schemas the user loaded
     * @param storage where the publish history and the templates are kept, or null for neither
     */
    public ConnectionViewModel(Profile profile, ProfileConnector connector, DialogService dialogs, Executor ui, Executor background,
                               ReceivedTraffic traffic, Runnable saveProfiles, DecoderRegistry decoders, PublishStorage storage) {
        this.connector = connector;
        this.dialogs = dialogs;
        this.ui = ui;
        this.background = background;
        this.traffic = traffic;
        this.store = traffic.store();
        this.saveProfiles = saveProfiles;
        this.log = new MessageLogViewModel(store, decoders, background, ui, () -> connection == null ? 0 : connection.inbound().droppedCount(),
                traffic.gaps());
        this.diskHistory = new DiskHistoryViewModel(name::get, traffic, dialogs, background, ui,
                text -> events.add(ConnectionEvent.now(ConnectionEvent.Kind.INFO, text)), java.time.ZoneId.systemDefault());
        log.paging().useHistory(diskHistory::history);
        ConnectionCounts counts = new ConnectionCounts(diskHistory::history, log::storedMatches, new StoreCounts(store, decoders));
        this.timeline = new TimelineViewModel(counts, log, background, ui, System::currentTimeMillis);
        this.subscriptions = new SubscriptionsViewModel(profile.subscriptions(), this::connectedConnection, () -> connection, ui,
                this::subscriptionsChanged, traffic::setGate);
        log.collapse().useOrigins(subscriptions.origins()::of);
        TopicDecoders topicDecoders = new TopicDecoders(this.profile::get, this::profileChanged);
        this.tools = new ConnectionTools(profile, storage, traffic, this::connectedConnection, subscriptions, diskHistory::history, dialogs,
                reply -> decoders.decode(reply.payload(), reply.topic(), topicDecoders.get(reply.topic()), DecoderRegistry.DEFAULT_MAX_CHARS),
                background, ui);
        this.publishing = tools.publishing;
        this.topics = new TopicTreeViewModel(traffic.tree());
        this.topicActions = new TopicActions(traffic.tree(), this::connectedConnection, subscriptions,
                publishing.topicProperty()::set, diskHistory::clearSubtree, dialogs, ui);
        this.topicDetail = new TopicDetailViewModel(topics, decoders, background, ui, StoredMessages.of(diskHistory::history));
        this.brokerStats = new BrokerStatsViewModel(traffic.tree(), subscriptions);
        this.messageDetail = new MessageDetailViewModel(log, subscriptions, topicDecoders, decoders,
                background, ui);
        this.messageActions = new MessageActions(log, messageDetail, decoders, dialogs, this::name, background, ui);
        updateProfile(profile);
    }

    /** Messages over time, above the log. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    public String name() {
        return name.get();
    }

    /** The profile's name, which follows renames. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public Profile profile() {
        return profile.get();
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Takes an edited profile. An open connection keeps its settings; the next connect uses the new ones. */
    public void updateProfile(Profile edited) {
        profile.set(edited);
        name.set(edited.name());
        var settings = edited.settings();
        insecure.set(!edited.isSandbox() && settings.url().transport().secure() && settings.tls() != null && settings.tls().trustAnyCertificate());
        if (connection == null || edited.isSandbox()) {
            address.set(edited.isSandbox() ? "Embedded broker on 127.0.0.1" : edited.settings().url().toString());
        }
        if (connection != null && state.get().isActive() && !edited.settings().toString().equals(connectionProfile.settings().toString())) {
            events.add(ConnectionEvent.now(ConnectionEvent.Kind.INFO, "Profile saved: the changes apply on the next connect"));
        }
        if (subscriptions != null) {
            subscriptions.syncTo(edited.subscriptions());
            subscriptions.subscribeAllOnConnect(edited.subscribeAllOnConnect());
        }
        diskHistory.apply(edited.history());
    }

    /** The subscription list changed in the panel: it is the profile's, so the profile is saved with it. */
    private void subscriptionsChanged(List<io.mqttworkbench.profile.SavedSubscription> saved) {
        profileChanged(profile.get().toBuilder().subscriptions(saved).build());
    }

    private void profileChanged(Profile changed) {
        profile.set(changed);
        saveProfiles.run();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Connected: mqtt://…", "Failed: 0x86 Bad user name or password": the state with its reason. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Where the profile connects to, for the sidebar and the tab header. */
    /** The profile trusts any certificate: encrypted, but to a broker nobody verified. */
    public javafx.beans.property.ReadOnlyBooleanProperty insecureProperty() {
        return insecure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(() -> !state.get().isActive(), state);
    }

    public ObservableList<ConnectionEvent> events() {
        return events;
    }

    /** The message log: rows, query, pause, counts, caps and export. */
    public MessageLogViewModel log() {
        return log;
    }

    /** What the log shows (every message, or a query's result); a virtual list for the table. */
    public ObservableList<ReceivedMessage> messages() {
        return log.rows();
    }


    public SubscriptionsViewModel subscriptions() {
        return subscriptions;
    }

    public PublishViewModel publishing() {
        return publishing;
    }

    public TopicTreeViewModel topics() {
        return topics;
    }

    public TopicActions topicActions() {
        return topicActions;
    }

    public TopicDetailViewModel topicDetail() {
        return topicDetail;
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** Where views run their own slow work (colouring a large payload). */
    Executor background() {
        return background;
    }

    Executor ui() {
        return ui;
    }

    /** Exporting messages and loading Protobuf schemas: the log's actions that ask the user something. */
    public MessageActions messageActions() {
        return messageActions;
    }

    public MessageDetailViewModel messageDetail() {
        return messageDetail;
    }

    public BrokerStatsViewModel brokerStats() {
        return brokerStats;
    }

    public MessageStore store() {
        return store;
    }

    public ReceivedTraffic traffic() {
        return traffic;
    }

    /**
     * Connects (starting the sandbox broker first for the sandbox profile). Asks for the password of a
     * profile that does not store one, and before using a token that has expired.
     */
    public void connect() {
        if (state.get().isActive()) {
            return;
        }
        Profile current = profile.get();
        char[] askedPassword = null;
        if (current.askForPassword()) {
            Optional<char[]> typed = dialogs.askPassword(current.name(), current.settings().username() == null ? ""
                    : "User " + current.settings().username());
            if (typed.isEmpty()) {
                return;
            }
            askedPassword = typed.get();
        }
        char[] password = askedPassword != null ? askedPassword : current.settings().password();
        Optional<JwtToken> token = password == null ? Optional.empty() : JwtToken.tryParse(new String(password));
        if (token.isPresent() && token.get().isExpired(Instant.now()) && !dialogs.confirm("Expired token",
                "The password of '" + current.name() + "' is a " + token.get().summary(Instant.now())
                        + ". The broker will most likely refuse it.", "Connect anyway")) {
            return;
        }
        connectRequested = true;
        subscriptions.subscribeAllOnConnect(current.subscribeAllOnConnect()); // back if it was unsubscribed by hand
        state.set(ConnectionState.CONNECTING);
        statusText.set(current.isSandbox() ? "Starting the sandbox broker (a few seconds)…" : "Connecting to " + current.settings().url() + "…");
        connector.resolve(current, askedPassword).whenCompleteAsync((settings, error) -> {
            if (!connectRequested) {
                return; // the user gave up while the sandbox was starting
            }
            if (error != null) {
                String reason = ConnectionException.unwrap(error).getMessage();
                state.set(ConnectionState.FAILED);
                statusText.set(ConnectionState.FAILED.label() + ": " + reason);
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
        // Subscriptions are made when the frame sees the connection up (see onFrame), for a first
        // connect, a reconnect and an automatic one alike.
        connection.connect();
    }

    public void disconnect() {
        connectRequested = false;
        if (connection != null) {
            connection.disconnect();
        } else if (state.get().isActive()) {
            state.set(ConnectionState.DISCONNECTED);
            statusText.set("Not connected");
        }
    }

    /** Forgets all received messages. */
    public void clearMessages() {
        log.clear();
    }

    /** Applies what happened since the last frame. JavaFX thread, called by the frame ticker. */
    public void onFrame(long nowNanos) {
        ConnectionStatus status = feed.takeStatus();
        if (status != null) {
            boolean cameUp = status.state() == ConnectionState.CONNECTED && state.get() != ConnectionState.CONNECTED;
            boolean wentDown = status.state() != ConnectionState.CONNECTED && state.get() == ConnectionState.CONNECTED;
            state.set(status.state());
            if (wentDown) {
                subscriptions.connectionDown(status.state() == ConnectionState.RECONNECTING);
            }
            statusText.set(status.summary());
            if (cameUp && connection != null) {
                subscriptions.connected(connection);
                publishing.capabilitiesChanged(connection.capabilities(), connection.settings().engine());
            }
        }
        for (ConnectionFeed.Restored restored : feed.takeRestores()) {
            subscriptions.restored(restored.outcomes(), restored.keptBySession());
        }
        subscriptions.onFrame();
        tools.onFrame();
        topics.onFrame(nowNanos);
        brokerStats.onFrame(nowNanos);
        feed.drainEventsInto(events, EVENT_LIMIT);
        log.onFrame(nowNanos);
        timeline.onFrame(nowNanos);
        diskHistory.onFrame(nowNanos);
    }

    /**
     * Keeps every message this connection receives in {@code file} (the profile's message history), and
     * gives the tree each topic's last value from it; opened on the background executor.
     */
    public void keepHistoryIn(java.nio.file.Path file) {
        diskHistory.keepIn(file, profile.get().history());
    }

    /** The message history on disk: its status, its notices and "Clear history". */
    public DiskHistoryViewModel diskHistory() {
        return diskHistory;
    }

    /** Closes, and removes the profile's message history from the disk: the profile was deleted. Not on the JavaFX thread. */
    public void closeAndForget() {
        close();
        diskHistory.closeAndDelete();
    }

    /** Disconnects and frees the connection's threads. Blocks up to a few seconds: not on the JavaFX thread. */
    public void close() {
        diskHistory.close();
        tools.close();
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

    /** Recording this connection's traffic and replaying recordings into it. */
    public ReplayViewModel replay() {
        return tools.replay;
    }

    /** The Sparkplug B view of this connection's traffic. */
    public io.mqttworkbench.ui.sparkplug.SparkplugViewModel sparkplug() {
        return tools.sparkplug;
    }

    public ComposerLibraryViewModel composerLibrary() {
        return tools.library;
    }

    /** This profile's publish history, or null when it keeps none. */
    public io.mqttworkbench.publish.PublishHistory history() {
        return tools.history;
    }

    private BrokerConnection connectedConnection() {
        return connection != null && connection.status().state() == ConnectionState.CONNECTED ? connection : null;
    }
}
