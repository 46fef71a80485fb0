package io.mqttworkbench.ui.profile;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.BrokerUrlProblem;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.profile.CheckProblem.Quantity;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.CheckedField;
import io.mqttworkbench.ui.common.ProblemTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The profile editor: one property per field, grouped in sections (connection, authentication, TLS,
 * session, last will, subscriptions, message history), each field checked as the user types. {@link #canSaveProperty()}
 * is false while any field has an error; {@link #build()} makes the profile.
 */
public final class ProfileEditorViewModel {

    private final Profile original;
    private final boolean isNew;
    private String title;

    // Connection
    final CheckedField name;
    final StringProperty folder = new SimpleStringProperty("");
    final StringProperty color = new SimpleStringProperty("");
    final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.TCP);
    final CheckedField host;
    final CheckedField port;
    final CheckedField path;
    final ObjectProperty<MqttVersion> version = new SimpleObjectProperty<>(MqttVersion.V5);
    final ObjectProperty<MqttEngine> engine = new SimpleObjectProperty<>(MqttEngine.DEFAULT);
    final StringProperty pastedUrl = new SimpleStringProperty("");
    final StringProperty pastedUrlProblem = new SimpleStringProperty("");

    // Authentication
    final StringProperty username = new SimpleStringProperty("");
    final CheckedField password;
    final BooleanProperty askForPassword = new SimpleBooleanProperty(false);
    /** Where the passwords are kept (the keyring, or profiles.json where none answers), under the credentials. */
    private final ObjectProperty<FieldCheck> secretsNote = new SimpleObjectProperty<>(FieldCheck.OK);

    // Session
    final CheckedField clientId;
    final BooleanProperty randomClientIdSuffix = new SimpleBooleanProperty(false);
    final BooleanProperty cleanStart = new SimpleBooleanProperty(true);
    final CheckedField sessionExpiry;
    final CheckedField keepAlive;
    final CheckedField connectTimeout;
    final BooleanProperty autoReconnect = new SimpleBooleanProperty(true);
    final CheckedField reconnectMaxDelay;

    final TlsEditor tls;
    final WillEditor will;
    final SubscriptionsEditor subscriptions;
    final BooleanProperty subscribeAllOnConnect = new SimpleBooleanProperty(false);
    final HistoryEditor history;

    private final BooleanBinding canSave;

    /** What the chosen client library means for the user, under its field. */
    ObservableValue<FieldCheck> engineNote() {
        return Bindings.createObjectBinding(() -> engine.get() == MqttEngine.PAHO
                ? FieldCheck.warning(texts.text("profile.engine.paho"))
                : FieldCheck.info(texts.text("profile.engine.hivemq")), engine);
    }

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param background reads certificate files for the TLS checks
     * @param ui where the TLS verdicts are applied (the JavaFX thread)
     */
    public ProfileEditorViewModel(Profile profile, boolean isNew, Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.original = profile;
        this.isNew = isNew;
        ConnectionSettings s = profile.settings();
        BrokerUrl url = s.url();
        transport.set(url.transport());
        version.set(s.version());
        engine.set(s.engine());
        CheckTexts checks = new CheckTexts(texts);
        name = new CheckedField(profile.name(), checks.of(ProfileChecks::name));
        host = new CheckedField(url.host(), checks.of(ProfileChecks::host));
        port = new CheckedField(Integer.toString(url.port()), checks.of(ProfileChecks::port));
        path = new CheckedField(url.transport().websocket() ? url.path() : "/mqtt",
                checks.of(text -> transport.get().websocket() ? ProfileChecks.websocketPath(text) : FieldCheck.OK), transport);
        folder.set(profile.folder());
        color.set(profile.color());

        username.set(s.username() == null ? "" : s.username());
        password = new CheckedField(s.hasPassword() ? new String(s.password()) : "", checks.of(text -> ProfileChecks.password(text, Instant.now())));
        askForPassword.set(profile.askForPassword());

        clientId = new CheckedField(s.clientId(), checks.of(text -> ProfileChecks.clientId(text, version.get())), version);
        randomClientIdSuffix.set(profile.randomClientIdSuffix());
        cleanStart.set(s.cleanStart());
        sessionExpiry = new CheckedField(Long.toString(s.sessionExpiry().toSeconds()),
                checks.of(text -> ProfileChecks.wholeNumber(text, 0, 0xFFFFFFFFL, Quantity.SESSION_EXPIRY)));
        keepAlive = new CheckedField(Long.toString(s.keepAlive().toSeconds()),
                checks.of(text -> ProfileChecks.wholeNumber(text, 0, 65535, Quantity.KEEP_ALIVE)));
        connectTimeout = new CheckedField(Long.toString(s.connectTimeout().toSeconds()),
                checks.of(text -> ProfileChecks.wholeNumber(text, 1, 600, Quantity.CONNECT_TIMEOUT)));
        autoReconnect.set(s.reconnect().enabled());
        reconnectMaxDelay = new CheckedField(Long.toString(s.reconnect().maxDelay().toSeconds()),
                checks.of(text -> ProfileChecks.wholeNumber(text, 1, 3600, Quantity.RECONNECT_MAX_DELAY)));

        tls = new TlsEditor(s.tls(), transport, background, ui, texts);
        will = new WillEditor(s.lastWill(), texts);
        subscriptions = new SubscriptionsEditor(profile.subscriptions(), texts);
        subscribeAllOnConnect.set(profile.subscribeAllOnConnect());
        history = new HistoryEditor(profile.history(), texts);

        pastedUrl.addListener((obs, old, text) -> applyPastedUrl(text));
        canSave = Bindings.createBooleanBinding(() -> !hasErrors(),
                name.checkProperty(), host.checkProperty(), port.checkProperty(), path.checkProperty(), clientId.checkProperty(),
                sessionExpiry.checkProperty(), keepAlive.checkProperty(), connectTimeout.checkProperty(),
                reconnectMaxDelay.checkProperty(), tls.hasErrorsProperty(), will.hasErrorsProperty(), subscriptions.hasErrorsProperty(),
                history.hasErrorsProperty());
    }

    public boolean isNew() {
        return isNew;
    }

    public boolean isSandbox() {
        return original.isSandbox();
    }

    public String title() {
        return title != null ? title : isNew ? texts.text("profile.title.new") : texts.format("profile.title.edit", original.name());
    }

    /** Shown instead of "New profile" ("Save as profile" for a quick connection). */
    public ProfileEditorViewModel titled(String value) {
        this.title = value;
        return this;
    }

    /** False while any field holds an error; warnings do not stop saving. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ObjectProperty<FieldCheck> secretsNoteProperty() {
        return secretsNote;
    }

    public ReadOnlyStringProperty pastedUrlProblemProperty() {
        return pastedUrlProblem;
    }

    /** Replaces the client id with a fresh generated one. */
    public void generateClientId() {
        clientId.textProperty().set(ClientIds.generate());
    }

    public boolean hasErrors() {
        return List.of(name, host, port, path, clientId, sessionExpiry, keepAlive, connectTimeout, reconnectMaxDelay)
                .stream().anyMatch(CheckedField::blocksSaving)
                || tls.hasErrorsProperty().get() || will.hasErrorsProperty().get() || subscriptions.hasErrorsProperty().get()
                || history.hasErrorsProperty().get();
    }

    /** The URL the parts make, for the preview line; empty while a part is invalid. */
    public String urlPreview() {
        try {
            return url().toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The profile as edited. Only call when {@link #canSaveProperty()} is true. */
    public Profile build() {
        ConnectionSettings settings = ConnectionSettings.builder(url())
                .version(version.get())
                .engine(engine.get())
                .clientId(clientId.trimmed())
                .cleanStart(cleanStart.get())
                .sessionExpiry(Duration.ofSeconds(Long.parseLong(sessionExpiry.trimmed())))
                .keepAlive(Duration.ofSeconds(Long.parseLong(keepAlive.trimmed())))
                .connectTimeout(Duration.ofSeconds(Long.parseLong(connectTimeout.trimmed())))
                .reconnect(reconnectPolicy())
                .username(username.get() == null || username.get().isBlank() ? null : username.get().strip())
                .password(askForPassword.get() || password.text().isEmpty() ? null : password.text().toCharArray())
                .tls(tls.build())
                .lastWill(will.build())
                .build();
        return original.toBuilder()
                .name(name.trimmed())
                .folder(folder.get())
                .color(color.get())
                .settings(settings)
                .askForPassword(askForPassword.get())
                .randomClientIdSuffix(randomClientIdSuffix.get())
                .subscriptions(subscriptions.build())
                .subscribeAllOnConnect(subscribeAllOnConnect.get())
                .history(history.build())
                .build();
    }

    /** The settings for "Test connection": like {@link #build()}, but a password typed for a profile that asks keeps. */
    public Profile buildForTest() {
        Profile profile = build();
        if (askForPassword.get() && !password.text().isEmpty()) {
            return profile.toBuilder().askForPassword(false)
                    .settings(profile.settings().toBuilder().password(password.text().toCharArray()).build()).build();
        }
        return profile;
    }

    private ReconnectPolicy reconnectPolicy() {
        Duration max = Duration.ofSeconds(Long.parseLong(reconnectMaxDelay.trimmed()));
        Duration initial = original.settings().reconnect().initialDelay();
        return new ReconnectPolicy(autoReconnect.get(), initial.compareTo(max) > 0 ? max : initial, max);
    }

    private BrokerUrl url() {
        Transport t = transport.get();
        return new BrokerUrl(t, host.trimmed(), Integer.parseInt(port.trimmed()), t.websocket() ? path.trimmed() : "");
    }

    /**
     * A whole URL pasted into the URL field fills transport, host, port and path at once, and the user name and
     * password when it carries them ({@code mqtt://alice:s3cret@host}): the URL typed last wins over the fields.
     */
    private void applyPastedUrl(String text) {
        if (text == null || text.isBlank()) {
            pastedUrlProblem.set("");
            return;
        }
        try {
            BrokerUrl.WithCredentials typed = BrokerUrl.parseWithCredentials(text);
            BrokerUrl parsed = typed.url();
            if (typed.username() != null) {
                username.set(typed.username());
            }
            if (typed.password() != null) {
                password.textProperty().set(new String(typed.password()));
                askForPassword.set(false);
            }
            transport.set(parsed.transport());
            host.textProperty().set(parsed.host());
            port.textProperty().set(Integer.toString(parsed.port()));
            if (parsed.transport().websocket()) {
                path.textProperty().set(parsed.path());
            }
            pastedUrlProblem.set("");
        } catch (BrokerUrlProblem.Exception e) {
            pastedUrlProblem.set(new ProblemTexts(texts).explain(e.problem()));
        } catch (IllegalArgumentException e) {
            pastedUrlProblem.set(e.getMessage());
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
