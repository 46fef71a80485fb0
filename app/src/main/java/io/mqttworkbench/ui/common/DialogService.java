package io.mqttworkbench.ui.common;

import io.mqttworkbench.profile.Profile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions view models ask the user, without knowing how they are asked: the application shows
 * dialogs, tests answer from a script. Every method is called on the JavaFX thread and may block it the
 * way a modal dialog does.
 */
public interface DialogService {

    /** The password for a profile that does not store one; empty when the user cancels. */
    public Optional<char[]> askPassword(String profileName, String hint);

    /** Asks before something that cannot be undone or may fail; true to go ahead. */
    public boolean confirm(String title, String message, String goAheadLabel);

    /** A line of text, such as a new name; empty when cancelled. */
    public Optional<String> askText(String title, String label, String initial);

    /** Opens the profile editor; the edited profile, or empty when cancelled. */
    public Optional<Profile> editProfile(Profile profile, boolean isNew);

    /** Opens the profile editor, titled "Save as profile", on a connection not saved yet; the profile, or empty when cancelled. */
    default Optional<Profile> saveAsProfile(Profile draft) {
        return editProfile(draft, true);
    }

    /** A file to read; empty when cancelled. {@code extensions} like "*.json". */
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions);

    /** Where to write a file; empty when cancelled. */
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions);

    /** A folder to write into (raw payload files). */
    public Optional<Path> chooseFolder(String title);

    /** Which profiles to export and whether secrets go with them; empty when cancelled. */
    public Optional<ExportChoice> chooseProfilesToExport(java.util.List<Profile> profiles);

    /** The Protobuf schemas dialog, until the user closes it. */
    public void showProtobufSchemas(ProtoSchemasViewModel schemas);

    /** Tells the user something went wrong, and why. */
    public void showError(String title, String message);

    /** Tells the user something worth knowing that needs no answer. */
    public void showInfo(String title, String message);

    /** The user's choice in the export dialog. */
    public record ExportChoice(java.util.List<Profile> profiles, boolean includeSecrets) {
    }
}
