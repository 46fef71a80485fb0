package io.mqttworkbench.ui.profile;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.profile.JwtToken;
import io.mqttworkbench.ui.common.FormGrid;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.QosChoice;
import io.mqttworkbench.ui.common.SubscriptionColors;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The content of each tab of the profile editor, built from its view model's properties. */
public final class ProfileEditorSections {

    static final List<String> COLORS = List.of("", "#3B7BF6", "#2DA44E", "#BF8700", "#D1242F", "#8250DF", "#1B7C83", "#E16F24", "#6E7781");

    private final ProfileEditorViewModel vm;
    private final Supplier<Window> window;
    private final Texts texts;

    ProfileEditorSections(ProfileEditorViewModel vm, Supplier<Window> window) {
        this.vm = vm;
        this.window = window;
        this.texts = vm.texts();
    }

    /** The text of a bundle key: the sections are mostly labels. */
    private String t(String key) {
        return texts.text(key);
    }

    Node connection() {
        TextField url = text("pasteUrl", t("profile.url.prompt"), vm.pastedUrl);
        ComboBox<Transport> transport = new ComboBox<>();
        transport.setId("transport");
        transport.getItems().addAll(Transport.values());
        transport.setConverter(converter(t -> switch (t) {
            case TCP -> "mqtt://  TCP";
            case TLS -> "mqtts://  TLS";
            case WEBSOCKET -> "ws://  WebSocket"; // untranslated: the scheme and the protocol's name
            case SECURE_WEBSOCKET -> t("profile.transport.wss");
        }));
        transport.valueProperty().bindBidirectional(vm.transport);
        TextField host = text("host", "broker.example.com", vm.host.textProperty());
        TextField port = text("port", "1883", vm.port.textProperty());
        port.setPrefColumnCount(6);
        TextField path = text("path", "/mqtt", vm.path.textProperty());
        ComboBox<MqttVersion> version = new ComboBox<>();
        version.setId("mqttVersion");
        version.getItems().addAll(MqttVersion.values());
        version.valueProperty().bindBidirectional(vm.version);
        ComboBox<MqttEngine> engine = new ComboBox<>();
        engine.setId("clientLibrary");
        engine.getItems().addAll(MqttEngine.values());
        engine.setConverter(converter(MqttEngine::label));
        engine.valueProperty().bindBidirectional(vm.engine);
        if (vm.isSandbox()) {
            for (Node fixed : List.of(url, transport, host, port, path)) {
                fixed.setDisable(true); // the sandbox's address is the embedded broker's, known when it starts
            }
        }
        FormGrid form = new FormGrid()
                .heading(t("profile.heading.profile"))
                .row(t("profile.name"), text("profileName", t("profile.name.prompt"), vm.name.textProperty()), vm.name.checkProperty())
                .row(t("profile.folder"), text("folder", t("profile.folder.prompt"), vm.folder))
                .row(t("profile.color"), colorPicker())
                .heading(t("profile.heading.broker"))
                .row("URL", url, Bindings.createObjectBinding(() -> vm.pastedUrlProblemProperty().get().isEmpty()
                        ? io.mqttworkbench.profile.FieldCheck.OK : io.mqttworkbench.profile.FieldCheck.error(vm.pastedUrlProblemProperty().get()),
                        vm.pastedUrlProblemProperty()))
                .row(t("profile.transport"), transport)
                .row(t("profile.host"), host, vm.host.checkProperty())
                .row(t("profile.port"), port, vm.port.checkProperty());
        form.row(t("profile.path"), path, vm.path.checkProperty());
        path.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.isSandbox() || !vm.transport.get().websocket(), vm.transport));
        form.row(t("profile.version"), version);
        form.row(t("profile.engine"), engine, vm.engineNote());
        return form.node();
    }

    Node authentication() {
        PasswordField hidden = new PasswordField();
        hidden.setId("password");
        hidden.textProperty().bindBidirectional(vm.password.textProperty());
        TextField shown = new TextField();
        shown.textProperty().bindBidirectional(vm.password.textProperty());
        ToggleButton show = new ToggleButton(null, new FontIcon(Feather.EYE));
        show.setTooltip(new javafx.scene.control.Tooltip(t("profile.password.show")));
        shown.visibleProperty().bind(show.selectedProperty());
        hidden.visibleProperty().bind(show.selectedProperty().not());
        StackPane passwordStack = new StackPane(hidden, shown);
        HBox.setHgrow(passwordStack, Priority.ALWAYS);
        Button generate = new Button(t("profile.token.generate"), new FontIcon(Feather.KEY));
        generate.setId("generateToken");
        generate.setOnAction(e -> new JwtGeneratorDialog(vm.username.get(), texts).showAndWait(window.get())
                .ifPresent(token -> vm.password.textProperty().set(token)));
        CheckBox ask = new CheckBox(t("profile.password.ask"));
        ask.setId("askForPassword");
        ask.selectedProperty().bindBidirectional(vm.askForPassword);

        TextArea jwt = new TextArea();
        jwt.setId("jwtDetails");
        jwt.setEditable(false);
        jwt.setPrefRowCount(9);
        jwt.getStyleClass().addAll(UiStyles.MONOSPACE, "jwt-details");
        jwt.textProperty().bind(Bindings.createStringBinding(() -> JwtToken.tryParse(vm.password.text())
                .map(token -> texts.format("profile.token.details", token.headerJson(), token.claimsJson())).orElse(""), vm.password.textProperty()));
        jwt.managedProperty().bind(jwt.textProperty().isNotEmpty());
        jwt.visibleProperty().bind(jwt.managedProperty());

        Label secretsNote = FormGrid.checkMessage(vm.secretsNoteProperty());
        secretsNote.setId("secretsNote");

        return new FormGrid()
                .heading(t("profile.heading.credentials"))
                .row(t("profile.username"), text("username", t("profile.username.prompt"), vm.username))
                .row(t("profile.password"), new HBox(6, passwordStack, show, generate), vm.password.checkProperty())
                .line(ask)
                .line(secretsNote)
                .line(jwt)
                .node();
    }

    Node tls() {
        TlsEditor tls = vm.tls;
        Label applies = new Label(t("profile.tls.applies"));
        applies.getStyleClass().add(UiStyles.SECONDARY);
        applies.setWrapText(true);
        CheckBox verify = new CheckBox(t("profile.tls.verify"));
        verify.setId("verifyHostname");
        verify.selectedProperty().bindBidirectional(tls.verifyHostname);
        CheckBox trustAny = new CheckBox(t("profile.tls.trustany"));
        trustAny.setId("trustAnyCertificate");
        trustAny.selectedProperty().bindBidirectional(tls.trustAnyCertificate);
        trustAny.selectedProperty().addListener((obs, old, on) -> trustAny.pseudoClassStateChanged(UiStyles.ERROR, on));
        trustAny.getStyleClass().add("trust-any");
        Label insecure = new Label(t("profile.tls.insecure"));
        insecure.getStyleClass().add("insecure");
        insecure.setWrapText(true);
        insecure.managedProperty().bind(tls.trustAnyCertificate);
        insecure.visibleProperty().bind(insecure.managedProperty());
        PasswordField keyPassword = new PasswordField();
        keyPassword.setId("keyPassword");
        keyPassword.setPromptText(t("profile.tls.keypassword.prompt"));
        keyPassword.textProperty().bindBidirectional(tls.keyPassword);
        FormGrid form = new FormGrid()
                .line(applies)
                .heading(t("profile.heading.server"))
                .row(t("profile.tls.ca"), fileField("caFile", tls.caFile, "profile.file.choose.ca"), tls.caCheckProperty())
                .line(verify)
                .line(trustAny)
                .line(insecure)
                .heading(t("profile.heading.client.certificate"))
                .row(t("profile.tls.certificate"), fileField("certificateFile", tls.certificateFile, "profile.file.choose.certificate"))
                .row(t("profile.tls.key"), fileField("keyFile", tls.keyFile, "profile.file.choose.key"), tls.clientCheckProperty())
                .row(t("profile.tls.keypassword"), keyPassword, vm.secretsNoteProperty());
        form.node().disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.transport.get().secure(), vm.transport));
        return form.node();
    }

    Node session() {
        Button generate = new Button(t("profile.clientid.generate"));
        generate.setOnAction(e -> vm.generateClientId());
        TextField clientId = text("clientId", t("profile.clientid.prompt"), vm.clientId.textProperty());
        HBox.setHgrow(clientId, Priority.ALWAYS);
        CheckBox suffix = new CheckBox(t("profile.clientid.suffix"));
        suffix.selectedProperty().bindBidirectional(vm.randomClientIdSuffix);
        CheckBox clean = new CheckBox(t("profile.cleanstart"));
        clean.selectedProperty().bindBidirectional(vm.cleanStart);
        CheckBox reconnect = new CheckBox(t("profile.reconnect"));
        reconnect.selectedProperty().bindBidirectional(vm.autoReconnect);
        TextField expiry = text("sessionExpiry", "0", vm.sessionExpiry.textProperty());
        expiry.disableProperty().bind(vm.version.isNotEqualTo(MqttVersion.V5));
        TextField maxDelay = text("reconnectMaxDelay", "30", vm.reconnectMaxDelay.textProperty());
        maxDelay.disableProperty().bind(vm.autoReconnect.not());
        return new FormGrid()
                .heading(t("profile.heading.client"))
                .row(t("profile.clientid"), new HBox(6, clientId, generate), vm.clientId.checkProperty())
                .line(suffix)
                .heading(t("profile.heading.session"))
                .line(clean)
                .row(t("profile.session.expiry"), expiry, vm.sessionExpiry.checkProperty())
                .row(t("profile.keepalive"), text("keepAlive", "60", vm.keepAlive.textProperty()), vm.keepAlive.checkProperty())
                .row(t("profile.connect.timeout"), text("connectTimeout", "10", vm.connectTimeout.textProperty()), vm.connectTimeout.checkProperty())
                .line(reconnect)
                .row(t("profile.reconnect.maxdelay"), maxDelay, vm.reconnectMaxDelay.checkProperty())
                .node();
    }

    Node lastWill() {
        WillEditor will = vm.will;
        CheckBox enabled = new CheckBox(t("profile.will.enabled"));
        enabled.setId("willEnabled");
        enabled.selectedProperty().bindBidirectional(will.enabled);
        TextArea payload = new TextArea();
        payload.setPrefRowCount(3);
        payload.getStyleClass().add(UiStyles.MONOSPACE);
        payload.textProperty().bindBidirectional(will.payload);
        CheckBox retain = new CheckBox(t("profile.will.retain"));
        retain.selectedProperty().bindBidirectional(will.retain);
        TextArea userProperties = new TextArea();
        userProperties.setPrefRowCount(3);
        userProperties.setPromptText(t("profile.will.userproperties.prompt"));
        userProperties.textProperty().bindBidirectional(will.userProperties.textProperty());
        FormGrid details = new FormGrid()
                .heading(t("profile.heading.message"))
                .row(t("profile.will.topic"), text("willTopic", "clients/orders-debug/status", will.topic.textProperty()), will.topic.checkProperty())
                .row(t("profile.will.payload"), payload, will.payloadNote())
                .row("QoS", new HBox(10, QosChoice.boundTo(will.qos), retain))
                .heading(t("profile.heading.will.properties"))
                .row(t("profile.will.delay"), text("willDelay", t("profile.will.delay.prompt"), will.delay.textProperty()), will.delay.checkProperty())
                .row(t("profile.will.contenttype"), text("willContentType", "text/plain", will.contentType))
                .row(t("profile.will.expiry"), text("willExpiry", t("profile.will.expiry.prompt"), will.messageExpiry.textProperty()), will.messageExpiry.checkProperty())
                .row(t("profile.will.responsetopic"), text("willResponseTopic", "", will.responseTopic.textProperty()), will.responseTopic.checkProperty())
                .row(t("profile.will.correlation"), text("willCorrelation", "", will.correlationData), will.correlationNote())
                .row(t("profile.will.userproperties"), userProperties, will.userProperties.checkProperty());
        details.node().disableProperty().bind(will.enabled.not());
        details.node().setPadding(javafx.geometry.Insets.EMPTY);
        return new VBox(new FormGrid().line(enabled).node(), details.node());
    }

    Node subscriptions() {
        VBox rows = new VBox(6);
        Runnable render = () -> {
            rows.getChildren().clear();
            for (SubscriptionsEditor.Row row : vm.subscriptions.rows()) {
                TextField filter = new TextField();
                filter.textProperty().bindBidirectional(row.filter.textProperty());
                HBox.setHgrow(filter, Priority.ALWAYS);
                Button remove = new Button(null, new FontIcon(Feather.X));
                remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
                remove.setTooltip(new javafx.scene.control.Tooltip(t("profile.subscriptions.remove")));
                remove.setOnAction(e -> vm.subscriptions.remove(row));
                HBox line = new HBox(6, SubscriptionColors.dot(row.color()), filter, QosChoice.boundTo(row.qos), remove);
                line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                rows.getChildren().addAll(line, FormGrid.checkMessage(row.filter.checkProperty()));
            }
        };
        vm.subscriptions.rows().addListener((javafx.collections.ListChangeListener<SubscriptionsEditor.Row>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved();
            }
            if (structural) {
                render.run();
            }
        });
        render.run();
        Button add = new Button(t("profile.subscriptions.add"), new FontIcon(Feather.PLUS));
        add.setId("addSubscription");
        add.setOnAction(e -> vm.subscriptions.add());
        Label hint = new Label(t("profile.subscriptions.hint"));
        hint.getStyleClass().add(UiStyles.SECONDARY);
        CheckBox all = new CheckBox(t("profile.subscriptions.all"));
        all.setId("subscribeAllOnConnect");
        all.selectedProperty().bindBidirectional(vm.subscribeAllOnConnect);
        VBox pane = new VBox(8, Forms.sectionTitle(t("profile.heading.subscriptions")), hint, all, rows, add);
        pane.getStyleClass().add("form-grid");
        return pane;
    }

    Node history() {
        HistoryEditor history = vm.history;
        CheckBox keep = new CheckBox(t("profile.history.keep"));
        keep.setId("keepOnDisk");
        keep.selectedProperty().bindBidirectional(history.keepOnDisk);
        Label what = new Label(t("profile.history.what"));
        what.getStyleClass().add(UiStyles.SECONDARY);
        what.setWrapText(true);
        Node age = numberWithUnit(text("historyMaxAge", "7", history.maxAge.textProperty()),
                choice("historyAgeUnit", HistoryEditor.AgeUnit.values(), unit -> t(unit.key), history.ageUnit));
        Node size = numberWithUnit(text("historyMaxSize", "2", history.maxSize.textProperty()),
                choice("historySizeUnit", HistoryEditor.SizeUnit.values(), unit -> unit.label, history.sizeUnit));
        Label applies = new Label(t("profile.history.applies"));
        applies.setId("historyApplies");
        applies.getStyleClass().add(UiStyles.SECONDARY);
        applies.setWrapText(true);
        age.disableProperty().bind(history.keepOnDisk.not());
        size.disableProperty().bind(history.keepOnDisk.not());
        return new FormGrid()
                .heading(t("profile.heading.history"))
                .line(keep)
                .line(what)
                .heading(t("profile.heading.limits"))
                .row(t("profile.history.maxage"), age, history.maxAge.checkProperty())
                .row(t("profile.history.maxsize"), size, history.maxSize.checkProperty())
                .line(applies)
                .node();
    }

    private static HBox numberWithUnit(TextField number, ComboBox<?> unit) {
        number.setPrefColumnCount(6);
        HBox row = new HBox(6, number, unit);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static <T> ComboBox<T> choice(String id, T[] values, java.util.function.Function<T, String> label,
                                          javafx.beans.property.ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().addAll(values);
        box.setConverter(converter(label));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private Node colorPicker() {
        HBox swatches = new HBox(6);
        for (String color : COLORS) {
            ToggleButton swatch = new ToggleButton();
            swatch.setId("color" + (color.isEmpty() ? "None" : color.substring(1)));
            swatch.getStyleClass().setAll("color-swatch");
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(8);
            dot.setFill(color.isEmpty() ? javafx.scene.paint.Color.TRANSPARENT : javafx.scene.paint.Color.web(color));
            swatch.setGraphic(dot);
            swatch.setTooltip(new javafx.scene.control.Tooltip(color.isEmpty() ? t("profile.color.none") : color));
            swatch.setSelected(color.equalsIgnoreCase(vm.color.get()));
            swatch.setOnAction(e -> vm.color.set(color));
            vm.color.addListener((obs, old, now) -> swatch.setSelected(color.equalsIgnoreCase(now)));
            swatches.getChildren().add(swatch);
        }
        return swatches;
    }

    /** A file's path with "Browse…"; {@code chooserTitle} is the key of the file chooser's title. */
    private HBox fileField(String id, StringProperty value, String chooserTitle) {
        TextField field = text(id, t("profile.file.prompt"), value);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = new Button(t("profile.file.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(t(chooserTitle));
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("profile.file.pem"), "*.pem", "*.crt", "*.cer", "*.key"),
                    new FileChooser.ExtensionFilter(t("profile.file.all"), "*"));
            File file = chooser.showOpenDialog(window.get());
            if (file != null) {
                value.set(file.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, browse);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static TextField text(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed"); // untranslated: a programming error, never shown
            }
        };
    }
}
