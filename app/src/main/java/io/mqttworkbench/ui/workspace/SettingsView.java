package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.InterfaceLanguage;
import io.mqttworkbench.ui.common.NoticeBar;
import io.mqttworkbench.ui.common.Texts;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings page (gear button, Ctrl+,): interface language and theme, each choice applied as it is made. */
final class SettingsView {
    private static final Map<InterfaceLanguage, String> LANGUAGE_IDS = Map.of(InterfaceLanguage.SYSTEM, "languageSystem",
            InterfaceLanguage.ENGLISH, "languageEnglish", InterfaceLanguage.SIMPLIFIED_CHINESE, "languageChinese");
    private static final Map<SettingsViewModel.ThemeChoice, String> THEME_IDS = Map.of(SettingsViewModel.ThemeChoice.SYSTEM, "themeSystem",
            SettingsViewModel.ThemeChoice.LIGHT, "themeLight", SettingsViewModel.ThemeChoice.DARK, "themeDark");

    private final SettingsViewModel viewModel;

    SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Opens the page over {@code owner}; it closes with its button or Escape. */
    void show(Window owner) {
        Texts texts = viewModel.texts();
        Label note = new Label();
        note.setId("settingsRestartNote");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(viewModel.restartNoteProperty());
        Node noteBar = NoticeBar.of(viewModel.restartNoteProperty(), false, new FontIcon(Feather.INFO), note);

        VBox language = choices(viewModel.languages(), viewModel.languageProperty(), viewModel::languageName, LANGUAGE_IDS);
        VBox theme = choices(java.util.List.of(SettingsViewModel.ThemeChoice.values()), viewModel.themeChoiceProperty(), viewModel::themeName,
                THEME_IDS);

        VBox page = new VBox(12, Forms.sectionTitle(texts.text("settings.language")), language, noteBar,
                Forms.sectionTitle(texts.text("settings.theme")), theme);
        page.setId("settingsPage");
        page.setPrefWidth(460);
        Stage stage = ShortcutsSheet.sheet(owner, texts.text("settings.title"), texts, page);
        // the note comes and goes with the choice: the page grows to hold it rather than pushing the button out
        viewModel.restartNoteProperty().addListener((obs, old, now) -> stage.sizeToScene());
        stage.show();
    }

    /** One radio button per value; choosing one sets {@code chosen}. */
    private static <T> VBox choices(java.util.List<T> values, ObjectProperty<T> chosen, Function<T, String> name, Map<T, String> ids) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        for (T value : values) {
            RadioButton button = new RadioButton(name.apply(value));
            button.setId(ids.get(value));
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setSelected(value.equals(chosen.get()));
            box.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                @SuppressWarnings("unchecked")
                T value = (T) toggle.getUserData();
                chosen.set(value);
            }
        });
        return box;
    }
}
