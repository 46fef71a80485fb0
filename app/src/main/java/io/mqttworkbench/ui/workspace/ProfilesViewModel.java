package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.profile.AtomicFile;
import io.mqttworkbench.profile.ImportResult;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileFormatException;
import io.mqttworkbench.profile.ProfileImport;
import io.mqttworkbench.profile.ProfileJson;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProfileFileTexts;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.publish.PublishStorage;
import io.mqttworkbench.ui.replay.HistorySourceViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's profiles, in their order, each with its connection: create, edit, duplicate, rename, move,
 * delete, import and export. Every change is saved in the background.
 */
public final class ProfilesViewModel {

    private final ProfileConnector connector;
    private final ProfileLibrary library;
    private final DialogService dialogs;
    private final Executor ui;
    private final Executor background;
    /** Shared by every connection: Protobuf schemas loaded once apply to all. */
    private final DecoderRegistry decoders;
    /** History and templates live in the configuration folder, beside the certificates. */
    private final PublishStorage storage;
    /** Each profile's message history: beside the settings for now (the data folder comes with the history's settings). */
    private final Path messagesFolder;
    private final Path certificateFolder;
    private final ObservableList<ConnectionViewModel> connections = FXCollections.observableArrayList();

    /** The window's words, in the interface language. */
    private final Texts texts;
    private final ProfileFileTexts files;

    /**
     * @param background runs file reads and writes for import and export
     * @param certificateFolder where certificates embedded in imported files are written
     */
    public ProfilesViewModel(List<Profile> profiles, ProfileConnector connector, ProfileLibrary library, DialogService dialogs,
                             Executor ui, Executor background, Path certificateFolder, Texts texts) {
        this.texts = texts;
        this.files = new ProfileFileTexts(texts);
        this.connector = connector;
        this.library = library;
        this.dialogs = dialogs;
        this.ui = ui;
        this.background = background;
        this.certificateFolder = certificateFolder;
        this.messagesFolder = certificateFolder.resolveSibling("messages");
        this.storage = new PublishStorage(certificateFolder.resolveSibling("history"), certificateFolder.resolveSibling("templates.json"), background);
        this.decoders = new DecoderRegistry(loadedLater(certificateFolder.resolveSibling(ProtoSchemas.FILE_NAME), background));
        profiles.forEach(p -> connections.add(connectionFor(p)));
    }

    public ObservableList<ConnectionViewModel> connections() {
        return connections;
    }

    public List<Profile> profiles() {
        return connections.stream().map(ConnectionViewModel::profile).toList();
    }

    public ConnectionViewModel find(String profileId) {
        return connections.stream().filter(c -> c.profile().id().equals(profileId)).findFirst().orElse(null);
    }

    /** Opens the editor on a blank profile; the new connection, or null when cancelled. */
    public ConnectionViewModel create() {
        Profile blank = Profile.builder(texts.text("workspace.profile.new.name"), ConnectionSettings.builder(BrokerUrl.parse("mqtt://localhost:1883")).build()).build();
        return dialogs.editProfile(blank, true).map(this::add).orElse(null);
    }

    public void edit(ConnectionViewModel connection) {
        dialogs.editProfile(connection.profile(), false).ifPresent(edited -> {
            connection.updateProfile(edited);
            save();
        });
    }

    public ConnectionViewModel duplicate(ConnectionViewModel connection) {
        ConnectionViewModel copy = connectionFor(connection.profile().duplicate());
        connections.add(connections.indexOf(connection) + 1, copy);
        save();
        return copy;
    }

    public void rename(ConnectionViewModel connection) {
        dialogs.askText(texts.text("workspace.profile.rename.title"), texts.text("workspace.profile.rename.label"), connection.profile().name())
                .filter(name -> !name.isBlank())
                .ifPresent(name -> {
                    connection.updateProfile(connection.profile().toBuilder().name(name).build());
                    save();
                });
    }

    public void moveToFolder(ConnectionViewModel connection) {
        dialogs.askText(texts.text("workspace.profile.folder.title"), texts.text("workspace.profile.folder.label"), connection.profile().folder())
                .ifPresent(folder -> {
                    connection.updateProfile(connection.profile().toBuilder().folder(folder).build());
                    save();
                });
    }

    /** Moves the profile before the previous one of its folder (-1) or after the next one (+1). */
    public void move(ConnectionViewModel connection, int direction) {
        int index = connections.indexOf(connection);
        String folder = connection.profile().folder();
        for (int i = index + direction; i >= 0 && i < connections.size(); i += direction) {
            if (connections.get(i).profile().folder().equals(folder)) {
                // One change, so that listeners see a reorder, never a deletion followed by an insertion.
                List<ConnectionViewModel> reordered = new ArrayList<>(connections);
                reordered.remove(index);
                reordered.add(i, connection);
                connections.setAll(reordered);
                save();
                return;
            }
        }
    }

    /** Deletes after asking; the built-in sandbox stays. Its connection is closed in the background. */
    public boolean delete(ConnectionViewModel connection) {
        if (connection.profile().isSandbox()) {
            dialogs.showInfo(texts.text("workspace.sandbox.title"), texts.text("workspace.sandbox.undeletable"));
            return false;
        }
        boolean confirmed = dialogs.confirm(texts.text("workspace.profile.delete.title"),
                texts.format("workspace.profile.delete.message", connection.profile().name()), texts.text("workspace.profile.delete.button"));
        if (!confirmed) {
            return false;
        }
        connections.remove(connection);
        save();
        background.execute(connection::closeAndForget); // the question promised the messages go: from the disk too
        return true;
    }

    /**
     * A connection that is no profile (quick connect): nothing of it is written to the disk, neither the
     * profile nor its message or publish history, until {@link #adopt} makes it one.
     */
    ConnectionViewModel unsaved(Profile profile) {
        String id = profile.id();
        ConnectionViewModel connection = new ConnectionViewModel(profile, connector, dialogs, ui, background,
                new ReceivedTraffic(new MessageStore(), new TopicTree()), () -> saveIfListed(id), decoders, storage.unsaved(), texts);
        offerHistories(connection, null);
        return connection;
    }

    /**
     * Opens the editor on an unsaved connection's settings and subscriptions; once saved, the connection is
     * that profile: listed, saved, its messages and sends kept on disk from then on. False when cancelled.
     */
    boolean adopt(ConnectionViewModel unsaved) {
        Profile draft = unsaved.profile();
        java.util.Optional<Profile> edited = dialogs.saveAsProfile(draft);
        if (edited.isEmpty()) {
            return false;
        }
        Profile profile = edited.get().toBuilder().id(draft.id()).build(); // the id the connection was built with
        unsaved.updateProfile(profile);
        Path messages = MessageHistory.fileFor(messagesFolder, profile.id());
        unsaved.keepHistoryIn(messages);
        offerHistories(unsaved, messages);
        io.mqttworkbench.publish.PublishHistory sent = unsaved.history();
        if (sent != null) {
            sent.keepIn(storage.historyFileOf(profile));
            background.execute(() -> {
                try {
                    sent.save(); // what was sent before saving is kept too
                } catch (IOException e) {
                    org.slf4j.LoggerFactory.getLogger(ProfilesViewModel.class).warn("publish history of {}: {}", profile.name(), e.getMessage());
                }
            });
        }
        connections.add(unsaved);
        save();
        return true;
    }

    /** Closes an unsaved connection whose tab was closed, in the background. */
    void discard(ConnectionViewModel unsaved) {
        background.execute(unsaved::close);
    }

    private void saveIfListed(String profileId) {
        if (find(profileId) != null) {
            save();
        }
    }

    /** Reads a profiles file (ours, MQTTX's or MQTT Explorer's) off the JavaFX thread and adds what it holds. */
    public CompletableFuture<Integer> importProfiles() {
        return dialogs.chooseFileToOpen(texts.text("workspace.import.title"), texts.text("workspace.import.filter"), "*.json")
                .map(this::importFrom)
                .orElse(CompletableFuture.completedFuture(0));
    }

    CompletableFuture<Integer> importFrom(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProfileImport.read(AtomicFile.readText(file, AtomicFile.MAX_BYTES), certificateFolder);
            } catch (IOException e) {
                throw new ProfileFormatException(texts.format("workspace.import.unreadable", file, files.of(e.getMessage())));
            }
        }, background).handleAsync((result, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                dialogs.showError(texts.text("workspace.import.failed.title"), texts.format("workspace.import.failed", file.getFileName(), files.of(cause.getMessage())));
                return 0;
            }
            int added = addImported(result);
            StringBuilder message = new StringBuilder(texts.format(added == 1 ? "workspace.import.done.one" : "workspace.import.done.other",
                    added, file.getFileName()));
            result.notes().forEach(note -> message.append("\n• ").append(files.of(note)));
            dialogs.showInfo(texts.text("workspace.import.done.title"), message.toString());
            return added;
        }, ui);
    }

    /** Lets the user pick profiles and a file, and writes them off the JavaFX thread. */
    public void exportProfiles() {
        dialogs.chooseProfilesToExport(profiles()).ifPresent(choice -> dialogs.chooseFileToSave(texts.text("workspace.export.title"),
                "mqtt-workbench-profiles.json", texts.text("workspace.export.filter"), "*.json").ifPresent(file -> {
                    String json = ProfileJson.write(choice.profiles(), choice.includeSecrets());
                    CompletableFuture.runAsync(() -> {
                        try {
                            // Whole or not at all, and readable by the owner only: it may hold passwords.
                            new AtomicFile(file).write(json, false);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, background).whenCompleteAsync((ignored, error) -> {
                        if (error != null) {
                            dialogs.showError(texts.text("workspace.export.failed.title"), texts.format("workspace.export.failed", file, error.getCause().getMessage()));
                        }
                    }, ui);
                }));
    }

    /** Replaces every profile (restoring a backup); open connections of the old list are closed. */
    public void replaceAll(List<Profile> restored) {
        List<ConnectionViewModel> old = List.copyOf(connections);
        connections.setAll(restored.stream().map(this::connectionFor).toList());
        save();
        old.forEach(connection -> background.execute(connection::close));
    }

    /** Persists the current list and order. */
    public void save() {
        library.saveLater(profiles());
    }

    private int addImported(ImportResult result) {
        Set<String> ids = new HashSet<>(profiles().stream().map(Profile::id).toList());
        List<ConnectionViewModel> added = new ArrayList<>();
        for (Profile profile : result.profiles()) {
            if (profile.isSandbox()) {
                continue; // there is one sandbox, ours
            }
            Profile fresh = ids.contains(profile.id()) ? profile.toBuilder().id(UUID.randomUUID().toString()).build() : profile;
            ids.add(fresh.id());
            added.add(connectionFor(fresh));
        }
        connections.addAll(added);
        save();
        return added.size();
    }

    private ConnectionViewModel add(Profile profile) {
        ConnectionViewModel connection = connectionFor(profile);
        connections.add(connection);
        save();
        return connection;
    }

    private ConnectionViewModel connectionFor(Profile profile) {
        ConnectionViewModel connection = new ConnectionViewModel(profile, connector, dialogs, ui, background,
                new ReceivedTraffic(new MessageStore(), new TopicTree()), this::save, decoders, storage, texts);
        connection.keepHistoryIn(MessageHistory.fileFor(messagesFolder, profile.id()));
        offerHistories(connection, MessageHistory.fileFor(messagesFolder, profile.id()));
        return connection;
    }

    /** The Replay tab can play any profile's stored range; this connection's own (null for none) is offered first. */
    private void offerHistories(ConnectionViewModel connection, Path own) {
        connection.replay().history().profilesFrom(() -> profiles().stream()
                .map(p -> new HistorySourceViewModel.Choice(p.name(), MessageHistory.fileFor(messagesFolder, p.id()))).toList(), own);
    }

    /** The saved Protobuf schemas, read on {@code background}: files are never read on the JavaFX thread. */
    private static ProtoSchemas loadedLater(Path file, Executor background) {
        ProtoSchemas schemas = new ProtoSchemas(file);
        background.execute(() -> {
            try {
                schemas.load();
            } catch (IOException e) {
                // shown in the Protobuf schemas dialog, where the user looks for the missing schemas
                org.slf4j.LoggerFactory.getLogger(ProfilesViewModel.class).warn("Protobuf schemas: {}", e.getMessage());
            }
        });
        return schemas;
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
