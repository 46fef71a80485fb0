package io.mqttworkbench.publish;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mqttworkbench.profile.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One connection's composer draft on disk (JSON, written atomically). A file that cannot be read is
 * kept aside and the composer starts empty, saying why. Call off the JavaFX thread.
 */
public final class DraftFile {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private record Stored(int version, ComposerDraft draft) {
    }

    /** What was read: the draft if there was a readable one, and why there was not when the file was unreadable. */
    public record Loaded(Optional<ComposerDraft> draft, Optional<Unreadable> unreadable) {

        /** Why the draft could not be read, in English; empty when it could. */
        public String problem() {
            return unreadable.map(Unreadable::message).orElse("");
        }
    }

    /**
     * A draft file that could not be read, with what the notice names, so the window can say it in its own language.
     *
     * @param file   the file's name, or its whole path when it could not be kept aside
     * @param reason the parser's own words
     * @param aside  the name it was kept aside under; empty when moving it failed
     */
    public record Unreadable(String file, String reason, String aside) {

        /** The notice in English. */
        public String message() {
            return aside.isEmpty() ? "The composer draft " + file + " could not be read (" + reason + "); the composer starts empty."
                    : "The composer draft " + file + " could not be read (" + reason + ") and was kept aside as " + aside
                    + "; the composer starts empty.";
        }
    }

    private final AtomicFile file;

    public DraftFile(Path file) {
        // a draft holds one payload, which may be large, like a history entry
        this.file = new AtomicFile(file, PublishHistory.MAX_FILE_BYTES);
    }

    public Path path() {
        return file.path();
    }

    public Loaded load() {
        if (!file.exists()) {
            return new Loaded(Optional.empty(), Optional.empty());
        }
        try {
            Stored stored = GSON.fromJson(file.read(), Stored.class);
            if (stored == null || stored.draft() == null) {
                throw new JsonParseException("no draft in it");
            }
            return new Loaded(Optional.of(stored.draft()), Optional.empty());
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            String reason = reason(e);
            try {
                Path aside = file.keepAside("unreadable");
                return new Loaded(Optional.empty(), Optional.of(new Unreadable(file.path().getFileName().toString(), reason,
                        aside.getFileName().toString())));
            } catch (IOException moveFailed) {
                return new Loaded(Optional.empty(), Optional.of(new Unreadable(file.path().toString(), reason, "")));
            }
        }
    }

    /** The parser's own words, first line only (Gson appends a link to its troubleshooting page). */
    private static String reason(Exception e) {
        Throwable shown = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
        String text = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return text.lines().findFirst().orElse(text).strip();
    }

    public void save(ComposerDraft draft) throws IOException {
        file.write(GSON.toJson(new Stored(1, draft)), false);
    }
}
