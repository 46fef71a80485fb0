package io.mqttworkbench.ui.publish;

import io.mqttworkbench.publish.ComposerDraft;
import io.mqttworkbench.publish.DraftFile;
import io.mqttworkbench.ui.common.UserPropertyRow;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.beans.Observable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection's composer across restarts, as MQTTX does: reads the draft in the background and
 * fills the form (unless the user typed first), and writes it in the background once edits pause for
 * {@link #QUIET_NANOS}, and at once on {@link #close()} so the last edit before quitting is kept.
 */
public final class ComposerDraftKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(ComposerDraftKeeper.class);
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final PublishViewModel composer;
    private final DraftFile file;
    private final Executor background;
    /** The form as last edited, taken on the JavaFX thread; null when handed to a write. Guarded by {@code this}. */
    private ComposerDraft unsaved;
    private long lastEditNanos;
    private long edits;
    /** Writes hold this, not {@code this}: the JavaFX thread never waits for the disk. */
    private final Object writing = new Object();
    private long written;
    private boolean loaded;
    private boolean applying;
    private boolean edited;

    public ComposerDraftKeeper(PublishViewModel composer, DraftFile file, Executor background, Executor ui) {
        this.composer = composer;
        this.file = file;
        this.background = background;
        RepeatViewModel repeat = composer.repeat();
        for (Observable o : new Observable[] {composer.topicProperty(), composer.payloadProperty(), composer.qosProperty(),
                composer.retainProperty(), composer.encodingProperty(), composer.placeholdersProperty(), composer.contentTypeProperty(),
                composer.payloadFormatUtf8Property(), composer.messageExpiryProperty(), composer.responseTopicProperty(),
                composer.correlationDataProperty(), composer.correlationHexProperty(), composer.topicAliasProperty(), composer.userProperties(),
                repeat.countProperty(), repeat.intervalMillisProperty(), composer.request().timeoutSecondsProperty()}) {
            o.addListener(x -> changed());
        }
        CompletableFuture.supplyAsync(file::load, background).whenCompleteAsync((result, error) -> {
            loaded = true;
            if (error != null) {
                LOG.warn("composer draft {}: {}", file.path(), error.toString());
            } else if (result.unreadable().isPresent()) {
                LOG.warn("{}", result.problem());
                composer.show(new ComposerTexts(composer.texts()).unreadable(result.unreadable().get()), true);
            } else if (result.draft().isPresent() && !edited) {
                apply(result.draft().get());
            }
        }, ui);
    }

    private void changed() {
        if (applying) {
            return;
        }
        edited = true;
        ComposerDraft draft = capture();
        synchronized (this) {
            unsaved = draft;
            lastEditNanos = System.nanoTime();
            edits++;
        }
    }

    /** Once per frame (JavaFX thread): writes in the background when edits have paused. */
    public void onFrame(long nowNanos) {
        ComposerDraft draft;
        long edit;
        synchronized (this) {
            if (unsaved == null || !loaded || nowNanos - lastEditNanos < QUIET_NANOS) {
                return;
            }
            draft = unsaved;
            edit = edits;
            unsaved = null;
        }
        background.execute(() -> write(draft, edit));
    }

    /** Writes the last edit if it is not written yet. Blocks on the disk: not on the JavaFX thread. */
    public void close() {
        ComposerDraft draft;
        long edit;
        synchronized (this) {
            draft = unsaved;
            edit = edits;
            unsaved = null;
        }
        if (draft != null) {
            write(draft, edit);
        }
    }

    /** One write at a time, and never an older draft after a newer one (background threads may run them out of order). */
    private void write(ComposerDraft draft, long edit) {
        synchronized (writing) {
            if (edit <= written) {
                return;
            }
            try {
                file.save(draft);
                written = edit;
            } catch (IOException e) {
                LOG.warn("could not save the composer draft {}: {}", file.path(), e.toString());
            }
        }
    }

    private ComposerDraft capture() {
        return new ComposerDraft(composer.topicProperty().get(), composer.qosProperty().get(), composer.retainProperty().get(),
                composer.encodingProperty().get(), composer.payloadProperty().get(), composer.placeholdersProperty().get(),
                composer.contentTypeProperty().get(), composer.payloadFormatUtf8Property().get(), composer.messageExpiryProperty().get(),
                composer.responseTopicProperty().get(), composer.correlationDataProperty().get(), composer.correlationHexProperty().get(),
                composer.topicAliasProperty().get(),
                composer.userProperties().stream().filter(row -> !row.isEmpty()).map(UserPropertyRow::toProperty).toList(),
                composer.repeat().countProperty().get(), composer.repeat().intervalMillisProperty().get(),
                composer.request().timeoutSecondsProperty().get());
    }

    private void apply(ComposerDraft d) {
        applying = true;
        try {
            composer.topicProperty().set(d.topic());
            composer.qosProperty().set(d.qos());
            composer.retainProperty().set(d.retain());
            composer.encodingProperty().set(d.encoding());
            composer.payloadProperty().set(d.payload());
            composer.placeholdersProperty().set(d.placeholders());
            composer.contentTypeProperty().set(d.contentType());
            composer.payloadFormatUtf8Property().set(d.payloadFormatUtf8());
            composer.messageExpiryProperty().set(d.messageExpiry());
            composer.responseTopicProperty().set(d.responseTopic());
            composer.correlationDataProperty().set(d.correlationData());
            composer.correlationHexProperty().set(d.correlationHex());
            composer.topicAliasProperty().set(d.topicAlias());
            composer.userProperties().setAll(d.userProperties().stream().map(p -> new UserPropertyRow(p.key(), p.value())).toList());
            if (d.repeatCount() > 0) {
                composer.repeat().countProperty().set(d.repeatCount());
            }
            if (d.repeatIntervalMillis() > 0) {
                composer.repeat().intervalMillisProperty().set(d.repeatIntervalMillis());
            }
            if (!d.replyTimeout().isBlank()) {
                composer.request().timeoutSecondsProperty().set(d.replyTimeout());
            }
        } finally {
            applying = false;
        }
    }
}
