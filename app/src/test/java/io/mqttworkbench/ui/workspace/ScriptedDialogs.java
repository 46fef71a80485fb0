package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProtoSchemasViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Answers the view models' questions from a script, and remembers what they said, for tests without a window. */
public final class ScriptedDialogs implements DialogService {
    final Deque<Optional<char[]>> passwords = new ArrayDeque<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final Deque<Optional<String>> texts = new ArrayDeque<>();
    public final Deque<Optional<Path>> files = new ArrayDeque<>();
    final List<String> shown = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();
    UnaryOperator<Profile> editor = profile -> null;
    ExportChoice exportChoice;
    public ProtoSchemasViewModel schemasShown;

    @Override
    public Optional<char[]> askPassword(String profileName, String hint) {
        asked.add("password for " + profileName);
        return passwords.isEmpty() ? Optional.empty() : passwords.pop();
    }

    @Override
    public boolean confirm(String title, String message, String goAheadLabel) {
        asked.add(title + ": " + message);
        return confirmations.isEmpty() || confirmations.pop();
    }

    @Override
    public Optional<String> askText(String title, String label, String initial) {
        asked.add(title);
        return texts.isEmpty() ? Optional.empty() : texts.pop();
    }

    @Override
    public Optional<Profile> editProfile(Profile profile, boolean isNew) {
        return Optional.ofNullable(editor.apply(profile));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        return files.isEmpty() ? Optional.empty() : files.pop();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        return files.isEmpty() ? Optional.empty() : files.pop();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return files.isEmpty() ? Optional.empty() : files.pop();
    }

    @Override
    public Optional<ExportChoice> chooseProfilesToExport(List<Profile> profiles) {
        return Optional.ofNullable(exportChoice);
    }

    @Override
    public void showProtobufSchemas(ProtoSchemasViewModel schemas) {
        schemasShown = schemas;
    }

    @Override
    public void showError(String title, String message) {
        shown.add("error " + title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add("info " + title + ": " + message);
    }
}
