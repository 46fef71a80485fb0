package io.mqttworkbench.decode;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.profile.AtomicFile;
import io.mqttworkbench.profile.FileTooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protobuf schemas the user loaded: a descriptor set ({@code protoc --descriptor_set_out=x.desc
 * --include_imports}) and the message to read, for the topics matching a filter. With a store file the
 * mappings outlive the session: they are saved (the file names, not their content) and read again at
 * start, and one whose descriptor set has gone or changed stays listed with the reason instead of
 * disappearing.
 */
public final class ProtoSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(ProtoSchemas.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final String FORMAT = "mqtt-workbench-protobuf-schemas";
    /** Where the window keeps them, in its configuration folder. */
    public static final String FILE_NAME = "protobuf-schemas.json";

    /**
     * One mapping: topics matching {@code filter} hold {@code message} from the descriptor set in
     * {@code file}. {@code descriptor} is null, and {@code problem} says why, when the file could not
     * be used at start.
     */
    public record Mapping(String filter, Path file, String messageName, Descriptors.Descriptor descriptor, String problem) {
        public Mapping {
            problem = problem == null ? "" : problem;
        }

        public boolean usable() {
            return descriptor != null;
        }
    }

    private record Stored(String filter, String file, String message) {
    }

    private record StoredFile(String format, int version, List<Stored> schemas) {
    }

    private final AtomicFile store;
    private final List<Mapping> mappings = new CopyOnWriteArrayList<>();
    private volatile String loadProblem = "";

    /** Schemas for this session only (the command line). */
    public ProtoSchemas() {
        this.store = null;
    }

    /** Schemas kept in {@code storeFile}; call {@link #load()} off the JavaFX thread to read them. */
    public ProtoSchemas(Path storeFile) {
        this.store = new AtomicFile(storeFile);
    }

    /**
     * Reads the saved mappings and their descriptor sets. A missing or changed descriptor set leaves
     * its mapping listed with the reason; an unreadable store file is kept aside and the reason thrown.
     */
    public synchronized void load() throws IOException {
        if (store == null || !store.exists()) {
            return;
        }
        StoredFile stored;
        try {
            stored = GSON.fromJson(store.read(), StoredFile.class);
            if (stored == null || !FORMAT.equals(stored.format()) || stored.schemas() == null) {
                throw new JsonParseException("not a schema list");
            }
        } catch (JsonParseException | IllegalArgumentException | FileTooLargeException e) {
            Path aside = store.keepAside("unreadable");
            String why = e instanceof FileTooLargeException ? " (" + e.getMessage() + ")" : "";
            loadProblem = "The saved schemas could not be read" + why + "; the file was kept aside as " + aside.getFileName();
            throw new IOException("the saved Protobuf schemas could not be read" + why + "; the file was kept aside as " + aside.getFileName(), e);
        }
        List<Mapping> read = new ArrayList<>();
        for (Stored s : stored.schemas()) {
            if (s == null || s.filter() == null || s.file() == null || s.message() == null) {
                continue;
            }
            Path file = Path.of(s.file());
            try {
                TopicFilter.of(s.filter());
                read.add(new Mapping(s.filter(), file, s.message(), load(file, s.message()), ""));
            } catch (IllegalArgumentException e) {
                LOG.warn("Protobuf schema for {}: {}", s.filter(), e.getMessage());
                read.add(new Mapping(s.filter(), file, s.message(), null, e.getMessage()));
            }
        }
        mappings.clear();
        mappings.addAll(read);
    }

    /** Why the saved schemas could not be read at start, or empty. */
    public String loadProblem() {
        return loadProblem;
    }

    /** Writes the mappings to the store file (nothing without one). */
    public synchronized void save() throws IOException {
        if (store == null) {
            return;
        }
        List<Stored> stored = mappings.stream().map(m -> new Stored(m.filter(), m.file().toAbsolutePath().toString(), m.messageName())).toList();
        Files.createDirectories(store.path().getParent());
        store.write(GSON.toJson(new StoredFile(FORMAT, 1, stored)), true);
    }

    /**
     * Loads a descriptor set and adds the mapping (replacing one for the same filter); throws
     * {@link IllegalArgumentException} with a readable reason for an unreadable file, a bad filter or a
     * message that is not in it. Reads the file: not on the JavaFX thread.
     */
    public Mapping add(String filter, Path file, String messageName) {
        TopicFilter.of(filter); // says which rule a bad filter breaks
        Descriptors.Descriptor descriptor = load(file, messageName);
        Mapping mapping = new Mapping(filter, file, descriptor.getFullName(), descriptor, "");
        synchronized (this) {
            mappings.removeIf(m -> m.filter().equals(filter));
            mappings.add(mapping);
        }
        return mapping;
    }

    public synchronized void remove(String filter) {
        mappings.removeIf(m -> m.filter().equals(filter));
    }

    public List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    /** The schema for a topic: the first usable mapping whose filter matches it. */
    public Optional<Mapping> forTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            return Optional.empty();
        }
        for (Mapping mapping : mappings) {
            if (mapping.usable() && TopicFilter.of(mapping.filter()).matches(topic)) {
                return Optional.of(mapping);
            }
        }
        return Optional.empty();
    }

    /** The full names of every message type in a descriptor set, nested ones included, in file order. */
    public static List<String> messageTypes(Path file) {
        return descriptors(file).stream().map(Descriptors.Descriptor::getFullName).toList();
    }

    /** Reads a descriptor set and finds the message by its full name ("acme.Order") or, when unique, its simple name. */
    public static Descriptors.Descriptor load(Path file, String messageName) {
        List<Descriptors.Descriptor> candidates = descriptors(file);
        List<Descriptors.Descriptor> matching = candidates.stream()
                .filter(d -> d.getFullName().equals(messageName) || d.getName().equals(messageName)).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("No message " + messageName + " in " + file + "; it holds "
                    + String.join(", ", candidates.stream().limit(12).map(Descriptors.Descriptor::getFullName).toList())
                    + (candidates.size() > 12 ? ", …" : ""));
        }
        if (matching.size() > 1 && matching.stream().noneMatch(d -> d.getFullName().equals(messageName))) {
            throw new IllegalArgumentException(messageName + " is ambiguous in " + file + ": give its full name ("
                    + String.join(" or ", matching.stream().map(Descriptors.Descriptor::getFullName).toList()) + ")");
        }
        return matching.stream().filter(d -> d.getFullName().equals(messageName)).findFirst().orElse(matching.get(0));
    }

    private static List<Descriptors.Descriptor> descriptors(Path file) {
        FileDescriptorSet set;
        try {
            AtomicFile.requireAtMost(file, AtomicFile.MAX_BYTES); // descriptor sets are kilobytes; gigabytes would not fit in memory
            set = FileDescriptorSet.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + " is not a descriptor set (make one with protoc --descriptor_set_out=FILE --include_imports)");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": there is no such file (moved or deleted?)");
        } catch (FileTooLargeException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
        }
        Map<String, FileDescriptorProto> protos = new HashMap<>();
        set.getFileList().forEach(f -> protos.put(f.getName(), f));
        Map<String, Descriptors.FileDescriptor> built = new HashMap<>();
        List<Descriptors.Descriptor> candidates = new ArrayList<>();
        for (FileDescriptorProto proto : set.getFileList()) {
            Descriptors.FileDescriptor fd = build(proto.getName(), protos, built, 0);
            collect(fd.getMessageTypes(), candidates);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no message types");
        }
        return candidates;
    }

    private static Descriptors.FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
                                                    Map<String, Descriptors.FileDescriptor> built, int depth) {
        Descriptors.FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            throw new IllegalArgumentException("The descriptor set lacks " + name + " (build it with --include_imports)");
        }
        if (depth > 64) {
            throw new IllegalArgumentException("The imports of " + name + " go round in a circle");
        }
        List<Descriptors.FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency, protos, built, depth + 1));
        }
        try {
            Descriptors.FileDescriptor fd = Descriptors.FileDescriptor.buildFrom(proto, dependencies.toArray(Descriptors.FileDescriptor[]::new));
            built.put(name, fd);
            return fd;
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalArgumentException("Invalid schema in " + name + ": " + e.getMessage());
        }
    }

    private static void collect(List<Descriptors.Descriptor> types, List<Descriptors.Descriptor> into) {
        for (Descriptors.Descriptor type : types) {
            into.add(type);
            collect(type.getNestedTypes(), into);
        }
    }
}
