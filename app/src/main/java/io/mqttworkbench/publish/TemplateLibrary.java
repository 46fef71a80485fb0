package io.mqttworkbench.publish;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mqttworkbench.profile.AtomicFile;
import io.mqttworkbench.profile.FileTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Named compositions grouped in collections ("order service events"), stored like the profiles: one
 * file replaced atomically with the previous version kept as a backup. Collections export to and
 * import from JSON files that a team can share.
 */
public final class TemplateLibrary {
    static final String FORMAT = "mqtt-workbench-templates";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public record Template(String name, String collection, Composition composition) {
        public Template {
            Objects.requireNonNull(composition, "composition");
            name = name == null ? "" : name.strip();
            collection = collection == null || collection.isBlank() ? "Templates" : collection.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A template needs a name");
            }
        }
    }

    /** What an import did. */
    public record ImportResult(int added, int replaced, List<String> collections) {
    }

    private record Stored(String format, int version, List<Template> templates) {
    }

    private final AtomicFile file;
    private final List<Template> templates = new ArrayList<>();

    public TemplateLibrary(Path file) {
        this.file = new AtomicFile(file);
    }

    /** Reads the file; an unreadable one is kept aside (never overwritten) and the reason thrown. */
    public synchronized TemplateLibrary load() throws IOException {
        templates.clear();
        if (file.exists()) {
            try {
                templates.addAll(parse(file.read(), file.path()));
            } catch (IllegalArgumentException | FileTooLargeException e) {
                Path aside = file.keepAside("unreadable");
                throw new IOException(e.getMessage() + "; the file was kept aside as " + aside.getFileName(), e);
            }
        }
        return this;
    }

    public synchronized List<Template> templates() {
        return templates.stream().sorted(Comparator.comparing(Template::collection).thenComparing(Template::name)).toList();
    }

    public synchronized List<String> collections() {
        return List.copyOf(new TreeSet<>(templates.stream().map(Template::collection).toList()));
    }

    /** By name, or by "collection/name" when the same name is in several collections. */
    public synchronized Optional<Template> find(String name) {
        List<Template> matches = templates.stream()
                .filter(t -> t.name().equals(name) || (t.collection() + "/" + t.name()).equals(name)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("Several templates are called " + name + ": write collection/name ("
                    + String.join(", ", matches.stream().map(t -> t.collection() + "/" + t.name()).toList()) + ")");
        }
        return matches.stream().findFirst();
    }

    /** Adds, or replaces the template of the same name in the same collection; then saves. */
    public synchronized void put(Template template) throws IOException {
        templates.removeIf(t -> t.name().equals(template.name()) && t.collection().equals(template.collection()));
        templates.add(template);
        save();
    }

    public synchronized void remove(Template template) throws IOException {
        templates.remove(template);
        save();
    }

    public synchronized void exportCollection(String collection, Path target) throws IOException {
        List<Template> chosen = templates.stream().filter(t -> t.collection().equals(collection)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No collection called " + collection);
        }
        Files.writeString(target, GSON.toJson(new Stored(FORMAT, 1, chosen)), StandardCharsets.UTF_8);
    }

    /** Imports every template in the file; one with the same name and collection is replaced. */
    public synchronized ImportResult importFile(Path source) throws IOException {
        List<Template> incoming = parse(AtomicFile.readText(source, AtomicFile.MAX_BYTES), source);
        int replaced = 0;
        for (Template t : incoming) {
            if (templates.removeIf(old -> old.name().equals(t.name()) && old.collection().equals(t.collection()))) {
                replaced++;
            }
            templates.add(t);
        }
        save();
        return new ImportResult(incoming.size() - replaced, replaced, List.copyOf(new TreeSet<>(incoming.stream().map(Template::collection).toList())));
    }

    private void save() throws IOException {
        Files.createDirectories(file.path().getParent());
        file.write(GSON.toJson(new Stored(FORMAT, 1, templates)), true);
    }

    private static List<Template> parse(String json, Path from) {
        Stored stored;
        try {
            stored = GSON.fromJson(json, Stored.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(from.getFileName() + " is not a template file: " + e.getMessage());
        }
        if (stored == null || !FORMAT.equals(stored.format()) || stored.templates() == null) {
            throw new IllegalArgumentException(from.getFileName() + " is not an MQTT Workbench template file");
        }
        List<Template> valid = new ArrayList<>();
        for (Template t : stored.templates()) {
            if (t != null && t.composition() != null && !t.name().isEmpty()) {
                valid.add(t);
            }
        }
        return valid;
    }
}
