package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.mqtt.TopicFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Protobuf schemas dialog: which message type each topic filter is read as, adding one from a
 * descriptor set (its message types are listed to pick from), and removing one. Descriptor sets are
 * read and the list is saved on the background executor; every change is applied to all connections.
 */
public final class ProtoSchemasViewModel {
    private final ProtoSchemas schemas;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> changed;

    private final ObservableList<ProtoSchemas.Mapping> mappings = FXCollections.observableArrayList();
    private final ObjectProperty<ProtoSchemas.Mapping> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> messageTypes = FXCollections.observableArrayList();
    private final StringProperty messageType = new SimpleStringProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canAdd;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param suggestedFilter the filter offered for a new schema (the selected message's topic, one level up)
     * @param changed told, on the JavaFX thread, what changed, so the shown payload is decoded again
     */
    public ProtoSchemasViewModel(ProtoSchemas schemas, DialogService dialogs, Executor background, Executor ui, String suggestedFilter,
                          Consumer<String> changed, Texts texts) {
        this.texts = texts;
        this.schemas = schemas;
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        this.changed = changed;
        filter.addListener((obs, old, text) -> filterProblem.set(filterProblem(text)));
        filter.set(suggestedFilter == null ? "#" : suggestedFilter);
        canAdd = Bindings.createBooleanBinding(() -> !busy.get() && file.get() != null && messageType.get() != null
                && !messageType.get().isBlank() && !filter.get().isBlank() && filterProblem.get().isEmpty(), busy, file, messageType, filter, filterProblem);
        mappings.setAll(schemas.mappings());
        status.set(schemas.loadProblem());
        // a selected schema is the one being edited: adding for the same topics replaces it
        selected.addListener((obs, old, mapping) -> {
            if (mapping != null) {
                filter.set(mapping.filter());
            }
        });
    }

    public ObservableList<ProtoSchemas.Mapping> mappings() {
        return mappings;
    }

    public ObjectProperty<ProtoSchemas.Mapping> selectedProperty() {
        return selected;
    }

    /** The descriptor set the new schema comes from. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Every message type in that descriptor set, to pick from. */
    public ObservableList<String> messageTypes() {
        return messageTypes;
    }

    public StringProperty messageTypeProperty() {
        return messageType;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Why the filter cannot be used, or empty. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canAddBinding() {
        return canAdd;
    }

    /** Asks for a descriptor set and lists its message types. */
    public void chooseFile() {
        dialogs.chooseFileToOpen(texts.text("common.proto.choose.title"), texts.text("common.proto.choose.filter"),
                "*.desc", "*.pb", "*.protoset", "*.bin").ifPresent(this::readFile);
    }

    public void readFile(Path chosen) {
        busy.set(true);
        status.set(texts.format("common.proto.reading", chosen.getFileName()));
        CompletableFuture.supplyAsync(() -> ProtoSchemas.messageTypes(chosen), background).whenCompleteAsync((types, error) -> {
            busy.set(false);
            if (error != null) {
                file.set(null);
                messageTypes.clear();
                messageType.set(null);
                status.set(reason(error));
                return;
            }
            file.set(chosen);
            messageTypes.setAll(types);
            messageType.set(types.get(0));
            status.set(types.size() == 1 ? texts.format("common.proto.types.one", chosen.getFileName())
                    : texts.format("common.proto.types.other", chosen.getFileName(), types.size()));
        }, ui);
    }

    /** Adds (or replaces, for the same filter) the mapping the form describes, and saves the list. */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String topics = filter.get().strip();
        Path from = file.get();
        String type = messageType.get();
        busy.set(true);
        CompletableFuture.supplyAsync(() -> {
            ProtoSchemas.Mapping mapping = schemas.add(topics, from, type);
            return new Added(mapping, save());
        }, background).whenCompleteAsync((saved, error) -> {
            busy.set(false);
            if (error != null) {
                status.set(reason(error));
                return;
            }
            mappings.setAll(schemas.mappings());
            ProtoSchemas.Mapping mapping = saved.mapping();
            String what = texts.format("common.proto.added", mapping.filter(), mapping.messageName(), mapping.file().getFileName());
            status.set(withSaveProblem(what, saved.saveProblem()));
            changed.accept(what);
        }, ui);
    }

    /** Forgets the selected mapping and saves the list. */
    public void removeSelected() {
        ProtoSchemas.Mapping mapping = selected.get();
        if (mapping == null) {
            return;
        }
        busy.set(true);
        CompletableFuture.supplyAsync(() -> {
            schemas.remove(mapping.filter());
            return save();
        }, background).whenCompleteAsync((saveProblem, error) -> {
            busy.set(false);
            mappings.setAll(schemas.mappings());
            String what = texts.format("common.proto.removed", mapping.filter(), mapping.messageName());
            status.set(withSaveProblem(what, saveProblem));
            changed.accept(what);
        }, ui);
    }

    private record Added(ProtoSchemas.Mapping mapping, String saveProblem) {
    }

    /** Saves; null when it worked, else why not: the change then holds for this session only. */
    private String save() {
        try {
            schemas.save();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private String withSaveProblem(String what, String saveProblem) {
        return saveProblem == null ? what : texts.format("common.proto.not.saved", what, saveProblem);
    }

    private static String filterProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            TopicFilter.of(text.strip());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage();
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
