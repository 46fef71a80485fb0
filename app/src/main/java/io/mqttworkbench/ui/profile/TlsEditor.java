package io.mqttworkbench.ui.profile;

import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.Texts;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The TLS section of the profile editor. Its checks open the certificate and key files, so they run in
 * the background after each change, and only the verdict of the latest change is shown.
 */
public final class TlsEditor {
    final StringProperty caFile = new SimpleStringProperty("");
    final StringProperty certificateFile = new SimpleStringProperty("");
    final StringProperty keyFile = new SimpleStringProperty("");
    final StringProperty keyPassword = new SimpleStringProperty("");
    final BooleanProperty verifyHostname = new SimpleBooleanProperty(true);
    final BooleanProperty trustAnyCertificate = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<FieldCheck> caCheck = new ReadOnlyObjectWrapper<>(FieldCheck.OK);
    private final ReadOnlyObjectWrapper<FieldCheck> clientCheck = new ReadOnlyObjectWrapper<>(FieldCheck.OK);
    private final ObjectProperty<Transport> transport;
    private final Executor background;
    private final Executor ui;
    private final BooleanBinding hasErrors;
    private final Texts texts;
    private final CheckTexts words;
    private int generation;

    TlsEditor(TlsSettings tls, ObjectProperty<Transport> transport, Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.words = new CheckTexts(texts);
        this.transport = transport;
        this.background = background;
        this.ui = ui;
        caFile.set(text(tls.caFile()));
        certificateFile.set(text(tls.clientCertificateFile()));
        keyFile.set(text(tls.clientKeyFile()));
        keyPassword.set(tls.keyPassword() == null ? "" : new String(tls.keyPassword()));
        verifyHostname.set(tls.verifyHostname());
        trustAnyCertificate.set(tls.trustAnyCertificate());
        for (var field : new javafx.beans.value.ObservableValue<?>[] {caFile, certificateFile, keyFile, keyPassword, transport}) {
            field.addListener((obs, old, now) -> recheck());
        }
        hasErrors = Bindings.createBooleanBinding(() -> enabled() && (caCheck.get().blocksSaving() || clientCheck.get().blocksSaving()),
                caCheck, clientCheck, transport);
        recheck();
    }

    /** TLS settings matter only for mqtts:// and wss://. */
    boolean enabled() {
        return transport.get().secure();
    }

    ReadOnlyObjectProperty<FieldCheck> caCheckProperty() {
        return caCheck.getReadOnlyProperty();
    }

    /** The verdict on the client certificate and key together (shown beside the key). */
    ReadOnlyObjectProperty<FieldCheck> clientCheckProperty() {
        return clientCheck.getReadOnlyProperty();
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    TlsSettings build() {
        boolean pair = !certificateFile.get().isBlank() && !keyFile.get().isBlank();
        return new TlsSettings(path(caFile.get()), pair ? path(certificateFile.get()) : null, pair ? path(keyFile.get()) : null,
                keyPassword.get().isEmpty() ? null : keyPassword.get().toCharArray(), verifyHostname.get(), trustAnyCertificate.get());
    }

    private void recheck() {
        int mine = ++generation;
        if (!enabled()) {
            caCheck.set(FieldCheck.OK);
            clientCheck.set(FieldCheck.OK);
            return;
        }
        // Saving waits for the verdict: a file that turns out to be broken must not slip through.
        caCheck.set(FieldCheck.pending(texts.text("profile.tls.checking")));
        clientCheck.set(FieldCheck.pending(texts.text("profile.tls.checking")));
        String ca = caFile.get();
        String certificate = certificateFile.get();
        String key = keyFile.get();
        char[] password = keyPassword.get().isEmpty() ? null : keyPassword.get().toCharArray();
        CompletableFuture.supplyAsync(() -> new FieldCheck[] {ProfileChecks.caFile(ca), ProfileChecks.clientCertificate(certificate, key, password)},
                background).whenCompleteAsync((checks, error) -> {
                    if (mine != generation) {
                        return;
                    }
                    if (error != null) {
                        FieldCheck failed = FieldCheck.error(texts.format("profile.tls.failed",
                                (error.getCause() == null ? error : error.getCause()).getMessage()));
                        caCheck.set(failed);
                        clientCheck.set(failed);
                        return;
                    }
                    caCheck.set(words.explain(checks[0]));
                    clientCheck.set(words.explain(checks[1]));
                }, ui);
    }

    private static String text(Path path) {
        return path == null ? "" : path.toString();
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }
}
