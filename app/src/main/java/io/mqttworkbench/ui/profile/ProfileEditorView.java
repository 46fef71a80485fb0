package io.mqttworkbench.ui.profile;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.CapabilityTexts;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The profile editor dialog: a tab per section, each field with its verdict under it, "Test connection"
 * at the bottom, and Save enabled only while nothing is wrong.
 */
public final class ProfileEditorView {

    private final ProfileEditorViewModel viewModel;
    private final ButtonType save;
    private final Function<Profile, CompletionStage<ConnectionProbe.Result>> probe;
    private final Executor ui;

    public ProfileEditorView(ProfileEditorViewModel viewModel, ConnectionProbe probe, Executor ui) {
        this(viewModel, probe::test, ui);
    }

    /** For tests: any answer to "Test connection", without a broker. */
    ProfileEditorView(ProfileEditorViewModel viewModel, Function<Profile, CompletionStage<ConnectionProbe.Result>> probe, Executor ui) {
        this.viewModel = viewModel;
        this.save = new ButtonType(viewModel.texts().text("profile.save"), ButtonBar.ButtonData.OK_DONE);
        this.probe = probe;
        this.ui = ui;
    }

    /** Shows the dialog and waits; the edited profile when the user saved. */
    public Optional<Profile> showAndWait(Window owner) {
        Dialog<Profile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiStyles.style(dialog);
        dialog.setTitle(viewModel.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("profileEditor");
        dialog.getDialogPane().getButtonTypes().addAll(save, new ButtonType(viewModel.texts().text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(build(dialog));
        dialog.getDialogPane().setPrefSize(900, 680);
        dialog.getDialogPane().setMinSize(880, 600); // the width the window opens with: every tab's title in view
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveProfile");
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        dialog.setResultConverter(button -> button == save ? viewModel.build() : null);
        return dialog.showAndWait();
    }

    Node build(Dialog<?> dialog) {
        ProfileEditorSections sections = new ProfileEditorSections(viewModel, () -> dialog.getDialogPane().getScene().getWindow());
        Texts texts = viewModel.texts();
        TabPane tabs = new TabPane(
                tab(texts.text("profile.tab.connection"), Feather.SERVER, sections.connection(), viewModel.name.checkProperty(), viewModel.host.checkProperty(),
                        viewModel.port.checkProperty(), viewModel.path.checkProperty()),
                tab(texts.text("profile.tab.authentication"), Feather.KEY, sections.authentication(), viewModel.password.checkProperty()),
                tab("TLS", Feather.LOCK, sections.tls(), viewModel.tls.caCheckProperty(), viewModel.tls.clientCheckProperty()),
                tab(texts.text("profile.tab.session"), Feather.CLOCK, sections.session(), viewModel.clientId.checkProperty(), viewModel.sessionExpiry.checkProperty(),
                        viewModel.keepAlive.checkProperty(), viewModel.connectTimeout.checkProperty(), viewModel.reconnectMaxDelay.checkProperty()),
                tab(texts.text("profile.tab.will"), Feather.ALERT_TRIANGLE, sections.lastWill(), viewModel.will.topic.checkProperty(),
                        viewModel.will.delay.checkProperty(), viewModel.will.messageExpiry.checkProperty(),
                        viewModel.will.responseTopic.checkProperty(), viewModel.will.userProperties.checkProperty()),
                tab(texts.text("profile.tab.subscriptions"), Feather.RSS, sections.subscriptions()),
                tab(texts.text("profile.tab.history"), Feather.DATABASE, sections.history(), viewModel.history.maxAge.checkProperty(),
                        viewModel.history.maxSize.checkProperty()));
        tabs.setId("profileEditorTabs");
        tabs.getStyleClass().add("editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label preview = new Label();
        preview.getStyleClass().add("url-preview");
        preview.textProperty().bind(Bindings.createStringBinding(viewModel::urlPreview, viewModel.transport,
                viewModel.host.textProperty(), viewModel.port.textProperty(), viewModel.path.textProperty()));

        BorderPane root = new BorderPane(tabs);
        root.setPrefSize(880, 600);
        root.setTop(header(preview));
        root.setBottom(testBar());
        return root;
    }

    private Node header(Label preview) {
        Label title = new Label(viewModel.title());
        title.getStyleClass().add(Styles.TITLE_4);
        VBox header = new VBox(2, title, preview);
        header.getStyleClass().add(UiStyles.FORM_PANE);
        return header;
    }

    private Node testBar() {
        Button test = new Button(viewModel.texts().text("profile.test"), new FontIcon(Feather.ZAP));
        test.setId("testConnection");
        Label result = new Label();
        result.setId("testResult");
        result.getStyleClass().add("result-text");
        result.setWrapText(true);
        HBox.setHgrow(result, Priority.ALWAYS);
        // A long result wraps; without these the HBox shrank the button too, to "Test c…".
        test.setMinWidth(Region.USE_PREF_SIZE);
        result.setMinWidth(0);
        test.disableProperty().bind(viewModel.canSaveProperty().not());
        test.setOnAction(event -> {
            test.disableProperty().unbind();
            test.setDisable(true); // one test at a time
            result.setText(viewModel.texts().text("profile.test.connecting"));
            result.pseudoClassStateChanged(UiStyles.ERROR, false);
            result.pseudoClassStateChanged(UiStyles.SUCCESS, false);
            probe.apply(viewModel.buildForTest()).thenAcceptAsync(outcome -> {
                result.setText(new CapabilityTexts(viewModel.texts()).probe(outcome));
                result.pseudoClassStateChanged(UiStyles.ERROR, !outcome.connected());
                result.pseudoClassStateChanged(UiStyles.SUCCESS, outcome.connected());
                test.disableProperty().bind(viewModel.canSaveProperty().not());
            }, ui);
        });
        HBox bar = new HBox(12, test, result);
        bar.getStyleClass().add(UiStyles.FORM_PANE);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /** A section's tab, marked when any of its checks holds an error. */
    @SafeVarargs
    private static Tab tab(String title, Feather icon, Node content, javafx.beans.value.ObservableValue<io.mqttworkbench.profile.FieldCheck>... checks) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFocusTraversable(false); // no Tab stop without a visible focus: the controls inside take it
        scroll.setFitToWidth(true);
        Tab tab = new Tab(title, scroll);
        tab.setGraphic(new FontIcon(icon));
        Runnable mark = () -> {
            // A check still running blocks saving but is not shown as an error: it would flicker.
            boolean error = java.util.Arrays.stream(checks).anyMatch(c -> c.getValue() != null
                    && c.getValue().severity() == io.mqttworkbench.profile.FieldCheck.Severity.ERROR);
            tab.getStyleClass().remove("error");
            tab.setGraphic(new FontIcon(error ? Feather.ALERT_CIRCLE : icon));
            if (error) {
                tab.getStyleClass().add("error");
            }
        };
        for (var check : checks) {
            check.addListener((obs, old, now) -> mark.run());
        }
        mark.run();
        return tab;
    }
}
