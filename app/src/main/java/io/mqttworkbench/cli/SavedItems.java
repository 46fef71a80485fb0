package io.mqttworkbench.cli;

import io.mqttworkbench.AppDirectories;
import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.publish.TemplateLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The window's saved profiles, templates and Protobuf schemas, for commands that use them. */
final class SavedItems {
    static final String TEMPLATES_FILE = "templates.json";

    private final Path configDir;

    SavedItems(Path configDir) {
        this.configDir = configDir == null ? AppDirectories.detect().configDir() : configDir;
    }

    /** A profile's connection settings, by name; the sandbox and ask-for-password profiles need more than a name. */
    ConnectionSettings profileSettings(String name, char[] password) {
        ProfileStore.LoadResult loaded = new ProfileStore(configDir).load();
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
        return profile.settingsForConnect(password);
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
