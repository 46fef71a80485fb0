package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.InterfaceLanguage;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The settings page: the interface language (used from the next start: the window is built once, and open
 * connections are left alone) and the theme (at once). Choices go straight into the workspace's properties,
 * which the workspace file keeps.
 */
public final class SettingsViewModel {

    /** The looks offered: the operating system's, or one of the two. */
    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    private final ObjectProperty<InterfaceLanguage> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty themeFollowsSystem;
    private final Locale systemLocale;
    private final Supplier<CompletableFuture<Theme>> systemTheme;
    private final Texts texts;
    private final ReadOnlyStringWrapper restartNote = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ThemeChoice> themeChoice = new SimpleObjectProperty<>();

    /**
     * @param systemLocale the operating system's locale, what "as the operating system" means
     * @param systemTheme  asks the operating system for its look; the future completes on the JavaFX thread
     */
    SettingsViewModel(ObjectProperty<InterfaceLanguage> language, ObjectProperty<Theme> theme, BooleanProperty themeFollowsSystem,
                      Locale systemLocale, Supplier<CompletableFuture<Theme>> systemTheme, Texts texts) {
        // bound both ways (a weak binding): the page's listeners go with the page, the workspace keeps the value
        this.language.bindBidirectional(language);
        this.theme = theme;
        this.themeFollowsSystem = themeFollowsSystem;
        this.systemLocale = systemLocale;
        this.systemTheme = systemTheme;
        this.texts = texts;
        this.language.addListener((obs, old, now) -> describeRestart());
        describeRestart();
        themeChoice.set(themeFollowsSystem.get() ? ThemeChoice.SYSTEM : theme.get() == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
        themeChoice.addListener((obs, old, now) -> applyTheme(now));
    }

    /** The chosen language, bound to the workspace's: what the workspace file keeps. */
    public ObjectProperty<InterfaceLanguage> languageProperty() {
        return language;
    }

    public List<InterfaceLanguage> languages() {
        return List.of(InterfaceLanguage.values());
    }

    /** How a choice reads: each language in its own words, the system's with the language it stands for. */
    public String languageName(InterfaceLanguage choice) {
        return switch (choice) {
            case SYSTEM -> texts.format("settings.language.system", nameOf(InterfaceLanguage.SYSTEM.locale(systemLocale)));
            case ENGLISH -> texts.text("settings.language.english");
            case SIMPLIFIED_CHINESE -> texts.text("settings.language.chinese");
        };
    }

    /** Non-empty while the chosen language is not the one the window speaks: it says when the change happens. */
    public ReadOnlyStringProperty restartNoteProperty() {
        return restartNote.getReadOnlyProperty();
    }

    public ObjectProperty<ThemeChoice> themeChoiceProperty() {
        return themeChoice;
    }

    public String themeName(ThemeChoice choice) {
        return texts.text(switch (choice) {
            case SYSTEM -> "settings.theme.system";
            case LIGHT -> "settings.theme.light";
            case DARK -> "settings.theme.dark";
        });
    }

    public Texts texts() {
        return texts;
    }

    private void describeRestart() {
        boolean differs = !language.get().locale(systemLocale).equals(texts.locale());
        restartNote.set(differs ? texts.format("settings.language.restart", nameOf(texts.locale())) : "");
    }

    private String nameOf(Locale locale) {
        return texts.text("zh".equals(locale.getLanguage()) ? "settings.language.name.chinese" : "settings.language.name.english");
    }

    private void applyTheme(ThemeChoice choice) {
        themeFollowsSystem.set(choice == ThemeChoice.SYSTEM);
        switch (choice) {
            case LIGHT -> theme.set(Theme.LIGHT);
            case DARK -> theme.set(Theme.DARK);
            // asking the system runs a small process: off the JavaFX thread, applied if still wanted when it answers
            case SYSTEM -> systemTheme.get().thenAccept(detected -> {
                if (themeFollowsSystem.get()) {
                    theme.set(detected);
                }
            });
        }
    }
}
