package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProtoSchemasDialog;
import io.mqttworkbench.ui.common.ProtoSchemasViewModel;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.profile.ProfileEditorView;
import io.mqttworkbench.ui.profile.ProfileEditorViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The application's dialogs, owned by the main window and styled like it. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final ConnectionProbe probe;
    private final Executor background;
    private final Executor ui;
    /** Where passwords are kept, for the profile editor's note; OK while that is not known yet. */
    private final Supplier<FieldCheck> secretsNote;

    /** The window's words, in the interface language. */
    private final Texts texts;

    FxDialogService(Supplier<Window> owner, ConnectionProbe probe, Executor background, Executor ui, Supplier<FieldCheck> secretsNote, Texts texts) {
        this.texts = texts;
        this.owner = owner;
        this.probe = probe;
        this.background = background;
        this.ui = ui;
        this.secretsNote = secretsNote;
    }

    @Override
    public Optional<char[]> askPassword(String profileName, String hint) {
        PasswordField field = new PasswordField();
        field.setId("askedPassword");
        Label label = new Label(hint == null || hint.isBlank() ? texts.text("workspace.password") : texts.format("workspace.password.of", hint));
        Dialog<char[]> dialog = dialog(texts.format("workspace.password.title", profileName));
        dialog.getDialogPane().getButtonTypes().addAll(new ButtonType(texts.text("workspace.profile.connect"), ButtonBar.ButtonData.OK_DONE), cancel());
        dialog.getDialogPane().setContent(new VBox(8, label, field));
        dialog.setResultConverter(button -> button.getButtonData() == ButtonBar.ButtonData.OK_DONE ? field.getText().toCharArray() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String goAheadLabel) {
        ButtonType goAhead = new ButtonType(goAheadLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, goAhead, cancel());
        prepare(alert, title);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        prepare(dialog, title);
        dialog.setHeaderText(null);
        dialog.setContentText(label);
        dialog.getDialogPane().getButtonTypes().setAll(ok(), cancel());
        return dialog.showAndWait();
    }

    @Override
    public Optional<Profile> editProfile(Profile profile, boolean isNew) {
        return edit(new ProfileEditorViewModel(profile, isNew, background, ui, texts));
    }

    @Override
    public Optional<Profile> saveAsProfile(Profile draft) {
        return edit(new ProfileEditorViewModel(draft, true, background, ui, texts).titled(texts.text("workspace.save.as.profile.title")));
    }

    private Optional<Profile> edit(ProfileEditorViewModel editor) {
        editor.secretsNoteProperty().set(new CheckTexts(texts).explain(secretsNote.get()));
        return new ProfileEditorView(editor, probe, ui).showAndWait(owner.get());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        File file = chooser(title, description, extensions).showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<ExportChoice> chooseProfilesToExport(List<Profile> profiles) {
        record Choice(Profile profile, BooleanProperty selected) {
            @Override
            public String toString() {
                return profile.folder().isEmpty() ? profile.name() : profile.folder() + " / " + profile.name();
            }
        }
        List<Choice> choices = profiles.stream().filter(p -> !p.isSandbox()).map(p -> new Choice(p, new SimpleBooleanProperty(true))).toList();
        ListView<Choice> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(choices));
        list.setCellFactory(CheckBoxListCell.forListView(Choice::selected));
        list.setPrefHeight(260);
        CheckBox secrets = new CheckBox(texts.text("workspace.export.secrets"));
        Dialog<ExportChoice> dialog = dialog(texts.text("workspace.export.title"));
        ButtonType export = new ButtonType(texts.text("workspace.export.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, cancel());
        dialog.getDialogPane().setContent(new VBox(10, new Label(texts.text("workspace.export.list")), list, secrets));
        dialog.setResultConverter(button -> button == export ? new ExportChoice(
                choices.stream().filter(c -> c.selected().get()).map(Choice::profile).toList(), secrets.isSelected()) : null);
        return dialog.showAndWait().filter(choice -> !choice.profiles().isEmpty());
    }

    @Override
    public void showProtobufSchemas(ProtoSchemasViewModel schemas) {
        new ProtoSchemasDialog(schemas).showAndWait(owner.get());
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ok());
        prepare(alert, title);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ok());
        prepare(alert, title);
        alert.showAndWait();
    }

    /** The dialogs' own OK and Cancel: JavaFX's follow the JVM's locale, which may not be the interface language. */
    private ButtonType ok() {
        return new ButtonType(texts.text("common.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    private ButtonType cancel() {
        return new ButtonType(texts.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private <T> Dialog<T> dialog(String title) {
        Dialog<T> dialog = new Dialog<>();
        prepare(dialog, title);
        return dialog;
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setMinWidth(420);
        UiStyles.style(dialog);
    }

    private FileChooser chooser(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, extensions),
                new FileChooser.ExtensionFilter(texts.text("workspace.files.all"), "*"));
        return chooser;
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
