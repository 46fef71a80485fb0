package io.mqttworkbench.publish;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mqttworkbench.profile.AtomicFile;
import io.mqttworkbench.profile.FileTooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * What a profile sent, newest first, bounded (the oldest go), kept across restarts in one JSON file
 * per profile, written atomically. A file that cannot be read is kept aside and the history starts
 * empty, saying so.
 */
public final class PublishHistory {
    public static final int DEFAULT_LIMIT = 1_000;
    /** Entries keep whole payloads, so a history may be larger than other settings files. */
    static final long MAX_FILE_BYTES = 4 * AtomicFile.MAX_BYTES;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** One send: when, what, and how it ended ("PUBACK 0x00 Success"). */
    public record Entry(long epochMillis, Composition composition, String outcome) {
    }

    private record Stored(int version, List<Entry> entries) {
    }

    /** Null while the history is kept in memory only (a quick-connect tab not saved as a profile). */
    private volatile AtomicFile file;
    private final int limit;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private String loadProblem = "";

    public PublishHistory(Path file, int limit) {
        this.file = file == null ? null : new AtomicFile(file, MAX_FILE_BYTES);
        this.limit = limit;
    }

    /** A history kept in memory until {@link #keepIn} gives it a file. */
    public static PublishHistory unsaved(int limit) {
        return new PublishHistory(null, limit);
    }

    /** From now on the history is written to {@code path}, what it holds already included (on the next save). */
    public void keepIn(Path path) {
        if (file == null) {
            file = new AtomicFile(path, MAX_FILE_BYTES);
        }
    }

    /** Reads the file if there is one. */
    public synchronized PublishHistory load() {
        AtomicFile file = this.file;
        if (file == null) {
            return this;
        }
        entries.clear();
        if (!file.exists()) {
            return this;
        }
        try {
            Stored stored = GSON.fromJson(file.read(), Stored.class);
            if (stored != null && stored.entries() != null) {
                stored.entries().stream().filter(e -> e != null && e.composition() != null).limit(limit).forEach(entries::addLast);
            }
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            try {
                Path aside = file.keepAside("unreadable");
                loadProblem = "The publish history could not be read" + (e instanceof FileTooLargeException ? " (" + e.getMessage() + ")" : "")
                        + " and was kept aside as " + aside.getFileName() + "; it starts empty.";
            } catch (IOException moveFailed) {
                loadProblem = "The publish history could not be read: " + e.getMessage();
            }
        }
        return this;
    }

    /** Why the history started empty, or empty. */
    public synchronized String loadProblem() {
        return loadProblem;
    }

    public synchronized void add(Entry entry) {
        entries.addFirst(entry);
        while (entries.size() > limit) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Entries whose topic, payload or outcome contain the text (any case), newest first. */
    public synchronized List<Entry> search(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return entries();
        }
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.composition().topic().toLowerCase(Locale.ROOT).contains(needle) || e.composition().payload().toLowerCase(Locale.ROOT).contains(needle)
                    || e.outcome() != null && e.outcome().toLowerCase(Locale.ROOT).contains(needle)) {
                found.add(e);
            }
        }
        return found;
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Writes the file (call off the JavaFX thread). */
    public void save() throws IOException {
        AtomicFile file = this.file;
        if (file == null) {
            return;
        }
        String json;
        synchronized (this) {
            json = GSON.toJson(new Stored(1, List.copyOf(entries)));
        }
        Files.createDirectories(file.path().getParent());
        file.write(json, false);
    }
}
