package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.TemplateLibrary;
import io.mqttworkbench.ui.common.DialogService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer's library: this profile's history (searchable, re-sendable) and the workspace's
 * templates (saved from the composer, grouped in collections, exported and imported as files).
 * Files are written on the background executor.
 */
public final class ComposerLibraryViewModel {
    private final PublishViewModel composer;
    private final PublishHistory history;
    private final TemplateLibrary templates;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<PublishHistory.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<TemplateLibrary.Template> templateList = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** The window's words, in the interface language. */
    private final Texts texts;

    public ComposerLibraryViewModel(PublishViewModel composer, PublishHistory history, TemplateLibrary templates, DialogService dialogs,
                             Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.composer = composer;
        this.history = history;
        this.templates = templates;
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        search.addListener((obs, old, text) -> refreshHistory());
        composer.rememberedProperty().addListener((obs, old, n) -> refreshHistory());
        refresh();
    }

    public ObservableList<PublishHistory.Entry> history() {
        return entries;
    }

    public ObservableList<TemplateLibrary.Template> templates() {
        return templateList;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Reads what the files held (they load in the background when the workspace opens). */
    public void refresh() {
        refreshHistory();
        if (templates != null) {
            templateList.setAll(templates.templates());
        }
    }

    private void refreshHistory() {
        entries.setAll(history == null ? List.of() : history.search(search.get()));
    }

    /** Puts a history entry back into the composer. */
    public void load(PublishHistory.Entry entry) {
        composer.load(entry.composition());
        notice.set(texts.format("publish.library.loaded", entry.composition().topic()));
    }

    /** Sends a history entry again, exactly as it was composed (placeholders filled anew). */
    public boolean resend(PublishHistory.Entry entry) {
        composer.load(entry.composition());
        return composer.publish();
    }

    public void load(TemplateLibrary.Template template) {
        composer.load(template.composition(), template.collection() + "/" + template.name());
        notice.set(texts.format("publish.library.templateLoaded", template.name()));
    }

    /** Asks for a name and a collection and saves the composer as a template (replacing one of the same name there). */
    public void saveCurrentAsTemplate() {
        if (templates == null) {
            return;
        }
        io.mqttworkbench.publish.Composition composition;
        try {
            composition = composer.composition();
        } catch (IllegalArgumentException e) {
            dialogs.showError(texts.text("publish.library.cannotSave"), e.getMessage());
            return;
        }
        Optional<String> name = dialogs.askText(texts.text("publish.library.saveAs"), texts.text("publish.library.name"), composition.topic());
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        String suggested = templateList.isEmpty() ? texts.text("publish.library.defaultCollection") : templateList.get(0).collection();
        Optional<String> collection = dialogs.askText(texts.text("publish.library.saveAs"), texts.text("publish.library.collection"), suggested);
        if (collection.isEmpty()) {
            return;
        }
        TemplateLibrary.Template template = new TemplateLibrary.Template(name.get(), collection.get(), composition);
        write(() -> templates.put(template), texts.format("publish.library.saved", template.collection(), template.name()));
    }

    public void delete(TemplateLibrary.Template template) {
        if (templates != null && dialogs.confirm(texts.text("publish.library.delete.title"),
                texts.format("publish.library.delete.confirm", template.name(), template.collection()), texts.text("publish.library.delete"))) {
            write(() -> templates.remove(template), texts.format("publish.library.deleted", template.name()));
        }
    }

    /** Exports the collection of {@code template} to a JSON file the user picks. */
    public void exportCollection(String collection) {
        if (templates == null) {
            return;
        }
        dialogs.chooseFileToSave(texts.format("publish.library.export.title", collection),
                        collection.replaceAll("[^A-Za-z0-9._-]+", "-") + ".templates.json", texts.text("publish.library.filter"), "*.json")
                .ifPresent(path -> write(() -> templates.exportCollection(collection, path), texts.format("publish.library.exported", collection, path)));
    }

    public void importFile() {
        if (templates == null) {
            return;
        }
        dialogs.chooseFileToOpen(texts.text("publish.library.import.title"), texts.text("publish.library.filter"), "*.json").ifPresent(path -> {
            notice.set(texts.text("publish.library.importing"));
            CompletableFuture.supplyAsync(() -> {
                try {
                    return templates.importFile(path);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, background).whenCompleteAsync((result, error) -> {
                if (error != null) {
                    Throwable cause = error.getCause() instanceof java.io.UncheckedIOException io ? io.getCause() : error.getCause();
                    dialogs.showError(texts.text("publish.library.import.failed"), cause == null ? error.getMessage() : cause.getMessage());
                    notice.set("");
                } else {
                    int count = result.added() + result.replaced();
                    notice.set(texts.format(count == 1 ? "publish.library.imported.one" : "publish.library.imported.other", count,
                            result.replaced(), String.join(", ", result.collections())));
                }
                refresh();
            }, ui);
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write, String done) {
        CompletableFuture.runAsync(() -> {
            try {
                write.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((ignored, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() instanceof java.io.UncheckedIOException io ? io.getCause() : error.getCause();
                dialogs.showError(texts.text("publish.library.save.failed"), cause == null ? error.getMessage() : cause.getMessage());
            } else {
                notice.set(done);
            }
            refresh();
        }, ui);
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
