package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quick connect: a connection to a typed URL that is saved nowhere (no profile, no message history, no
 * publish history on disk) until the user saves it as a profile. Closing its tab or quitting forgets it.
 */
public final class QuickConnectViewModel {

    private final ProfilesViewModel profiles;
    private final StringProperty url = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty subscribeAll;
    private final ObservableList<ConnectionViewModel> unsaved = FXCollections.observableArrayList();

    /** @param subscribeAll whether a quick connection subscribes to {@code #} (the app setting, as last left) */
    QuickConnectViewModel(ProfilesViewModel profiles, boolean subscribeAll) {
        this.profiles = profiles;
        this.subscribeAll = new SimpleBooleanProperty(subscribeAll);
        url.addListener((obs, old, text) -> problem.set(text == null || text.isBlank() ? "" : new ProblemTexts(profiles.texts()).url(text)));
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** Why the typed URL cannot be used, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Subscribe to #": a quick connection subscribes to everything (on by default, remembered across restarts). */
    public BooleanProperty subscribeAllProperty() {
        return subscribeAll;
    }

    /** The quick connections open now, none of them a saved profile. */
    public ObservableList<ConnectionViewModel> unsaved() {
        return unsaved;
    }

    public boolean isUnsaved(ConnectionViewModel connection) {
        return unsaved.contains(connection);
    }

    /**
     * The connection for the typed URL: the quick connection already open for it (same broker, same
     * credentials), else a new one; null, with the reason shown beside the field, when the URL is bad.
     */
    ConnectionViewModel connectionForUrl() {
        String text = url.get() == null ? "" : url.get().strip();
        if (text.isEmpty()) {
            problem.set(profiles.texts().text("workspace.quick.url.missing"));
            return null;
        }
        String why = new ProblemTexts(profiles.texts()).url(text);
        if (!why.isEmpty()) {
            problem.set(why);
            return null;
        }
        BrokerUrl.WithCredentials typed = BrokerUrl.parseWithCredentials(text);
        url.set("");
        ConnectionViewModel open = unsaved.stream().filter(c -> c.profile().reaches(typed)).findFirst().orElse(null);
        if (open != null) {
            return open;
        }
        Profile profile = Profile.forUrl(typed);
        if (subscribeAll.get()) {
            profile = profile.toBuilder().subscriptionRequests(List.of(SubscriptionRequest.of("#", 0))).build();
        }
        ConnectionViewModel connection = profiles.unsaved(profile);
        unsaved.add(connection);
        return connection;
    }

    /** Opens the profile editor on the connection's settings and subscriptions; once saved, it is that profile. */
    boolean saveAsProfile(ConnectionViewModel connection) {
        if (!unsaved.contains(connection) || !profiles.adopt(connection)) {
            return false;
        }
        unsaved.remove(connection);
        return true;
    }

    /** The tab was closed: the connection is closed and forgotten. */
    void discard(ConnectionViewModel connection) {
        if (unsaved.remove(connection)) {
            profiles.discard(connection);
        }
    }
}
