package io.mqttworkbench.cli;

import io.mqttworkbench.AppDirectories;
import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.profile.OsKeyring;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import io.mqttworkbench.publish.TemplateLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The window's saved profiles, templates and Protobuf schemas, for commands that use them. */
final class SavedItems {
    static final String TEMPLATES_FILE = "templates.json";

    private final Path configDir;
    private final Supplier<SecretStore> secrets;

    SavedItems(Path configDir) {
        this(configDir, () -> OsKeyring.detect(OsKeyring.DETECT_TIMEOUT));
    }

    /** @param secrets where the window keeps passwords; only asked when a profile's are in the keyring */
    SavedItems(Path configDir, Supplier<SecretStore> secrets) {
        this.configDir = configDir == null ? AppDirectories.detect().configDir() : configDir;
        this.secrets = secrets;
    }

    /**
     * A profile's connection settings, by name; the sandbox and ask-for-password profiles need more than a name,
     * and so does a profile whose password is in a keyring that does not answer here.
     */
    ConnectionSettings profileSettings(String name, char[] password) {
        ProfileStore store = new ProfileStore(configDir, secrets);
        ProfileStore.LoadResult loaded;
        try {
            loaded = store.load();
        } finally {
            store.closeSecrets();
        }
        if (loaded instanceof ProfileStore.Unreadable unreadable) {
            throw new CliFailure("the profiles in " + configDir + " cannot be read: " + unreadable.reason(), ExitCodes.USAGE);
        }
        List<Profile> matches = loaded.profiles().stream().filter(p -> p.name().equals(name)).toList();
        if (matches.isEmpty()) {
            throw new CliFailure("no profile called '" + name + "' in " + configDir + " (profiles: "
                    + String.join(", ", loaded.profiles().stream().map(Profile::name).toList()) + ")", ExitCodes.USAGE);
        }
        Profile profile = matches.get(0);
        if (profile.isSandbox()) {
            throw new CliFailure("the sandbox profile runs inside the window; start it with 'broker' and use -u mqtt://127.0.0.1:1883",
                    ExitCodes.USAGE);
        }
        if (profile.askForPassword() && password == null) {
            throw new CliFailure("profile '" + name + "' asks for its password on each connect: give it with --password or --password-env",
                    ExitCodes.USAGE);
        }
        List<SecretStore.Field> unreadable = store.unreadableSecrets(profile.id());
        if (unreadable.contains(SecretStore.Field.KEY_PASSWORD)) {
            throw new CliFailure("profile '" + name + "' keeps its private key's password in the keyring, which " + keyringTrouble(store)
                    + ": use -u with --key-password-env instead of --profile here", ExitCodes.USAGE);
        }
        if (unreadable.contains(SecretStore.Field.PASSWORD)) {
            if (password == null) {
                throw new CliFailure("profile '" + name + "' keeps its password in the keyring, which " + keyringTrouble(store)
                        + ": give it with --password or --password-env", ExitCodes.USAGE);
            }
            return profile.toBuilder().settings(profile.settings().toBuilder().password(password).build()).build().settingsForConnect(password);
        }
        return profile.settingsForConnect(password);
    }

    /** The file that keeps the message history of the profile called {@code name}, as the window writes it. */
    Path messageHistory(String name) {
        return io.mqttworkbench.history.MessageHistory.fileFor(configDir.resolve("messages"), savedProfile(name).id());
    }

    /** The broker the profile called {@code name} connects to, without user name or password: what its history came from. */
    String brokerOf(String name) {
        return savedProfile(name).settings().url().toString();
    }

    /** A profile by name, read without its secrets. */
    private Profile savedProfile(String name) {
        ProfileStore.LoadResult loaded = new ProfileStore(configDir, () -> new SecretStore.ProfilesFile("not needed")).load();
        if (loaded instanceof ProfileStore.Unreadable unreadable) {
            throw new CliFailure("the profiles in " + configDir + " cannot be read: " + unreadable.reason(), ExitCodes.USAGE);
        }
        return loaded.profiles().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new CliFailure("no profile called '" + name + "' in " + configDir + " (profiles: "
                        + String.join(", ", loaded.profiles().stream().map(Profile::name).toList()) + ")", ExitCodes.USAGE));
    }

    private static String keyringTrouble(ProfileStore store) {
        return store.secrets() instanceof SecretStore.ProfilesFile none ? "does not answer here (" + none.reason() + ")" : "does not give it";
    }

    /**
     * The Protobuf schemas saved in the window, so payloads decode here as they do there; each one that
     * cannot be used, and a list that cannot be read, is told to {@code warn} and left out.
     */
    ProtoSchemas protobufSchemas(Consumer<String> warn) {
        ProtoSchemas schemas = new ProtoSchemas(configDir.resolve(ProtoSchemas.FILE_NAME));
        try {
            schemas.load();
        } catch (IOException e) {
            warn.accept(e.getMessage());
        }
        schemas.mappings().stream().filter(m -> !m.usable())
                .forEach(m -> warn.accept("the Protobuf schema for " + m.filter() + " is not used: " + m.problem()));
        return schemas;
    }

    TemplateLibrary.Template template(String name) {
        try {
            TemplateLibrary library = new TemplateLibrary(configDir.resolve(TEMPLATES_FILE)).load();
            return library.find(name).orElseThrow(() -> new CliFailure("no template called '" + name + "' (templates: "
                    + String.join(", ", library.templates().stream().map(t -> t.collection() + "/" + t.name()).toList()) + ")", ExitCodes.USAGE));
        } catch (IOException e) {
            throw new CliFailure("the templates cannot be read: " + e.getMessage(), ExitCodes.USAGE);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }
}
