package io.mqttworkbench.ui.publish;

import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.publish.DraftFile;
import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.TemplateLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the composer keeps things: one history file and one draft per profile, and the templates the whole workspace shares. */
public final class PublishStorage {
    private static final Logger LOG = LoggerFactory.getLogger(PublishStorage.class);

    private final Path historyFolder;
    private final TemplateLibrary templates;
    private volatile String templatesProblem = "";

    /** The storage whose templates an unsaved one shares, or null. */
    private final PublishStorage shared;

    private PublishStorage(PublishStorage shared) {
        this.historyFolder = null;
        this.templates = shared.templates;
        this.shared = shared;
    }

    /** Loads the templates on {@code background}: files are never read on the JavaFX thread. */
    public PublishStorage(Path historyFolder, Path templatesFile, Executor background) {
        this.historyFolder = historyFolder;
        this.shared = null;
        this.templates = new TemplateLibrary(templatesFile);
        background.execute(() -> {
            try {
                templates.load();
            } catch (IOException e) {
                templatesProblem = e.getMessage();
                LOG.warn("templates: {}", e.getMessage());
            }
        });
    }

    /** A profile's history (not loaded yet). */
    public PublishHistory historyOf(Profile profile) {
        return historyFolder == null ? PublishHistory.unsaved(PublishHistory.DEFAULT_LIMIT)
                : new PublishHistory(historyFileOf(profile), PublishHistory.DEFAULT_LIMIT);
    }

    /** Where a profile's history is written. */
    public Path historyFileOf(Profile profile) {
        return historyFolder.resolve(profile.id() + ".json");
    }

    /** The same templates, but a history kept in memory: for a connection that is not a saved profile (yet). */
    public PublishStorage unsaved() {
        return new PublishStorage(this);
    }

    /**
     * A profile's composer draft, beside the histories: what the composer held when the app last closed; null for
     * an unsaved connection, which writes nothing to disk.
     */
    public DraftFile draftOf(Profile profile) {
        return historyFolder == null ? null : new DraftFile(historyFolder.resolveSibling("drafts").resolve(profile.id() + ".json"));
    }

    public TemplateLibrary templates() {
        return templates;
    }

    /** Why the templates could not be read, or empty. */
    public String templatesProblem() {
        return shared != null ? shared.templatesProblem() : templatesProblem;
    }
}
