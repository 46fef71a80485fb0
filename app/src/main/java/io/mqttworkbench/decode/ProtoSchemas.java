package io.mqttworkbench.decode;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mqttworkbench.mqtt.TopicFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Protobuf schemas the user loaded: a descriptor set ({@code protoc --descriptor_set_out=x.desc
 * --include_imports}) and the message to read, for the topics matching a filter.
 */
public final class ProtoSchemas {

    /** One mapping: topics matching {@code filter} hold {@code message} from the descriptor set in {@code file}. */
    public record Mapping(String filter, Path file, String messageName, Descriptors.Descriptor descriptor) {
    }

    private final List<Mapping> mappings = new CopyOnWriteArrayList<>();

    /**
     * Loads a descriptor set and adds the mapping; throws {@link IllegalArgumentException} with a
     * readable reason for an unreadable file, a bad filter or a message that is not in it.
     */
    public Mapping add(String filter, Path file, String messageName) {
        TopicFilter.of(filter); // says which rule a bad filter breaks
        Descriptors.Descriptor descriptor = load(file, messageName);
        Mapping mapping = new Mapping(filter, file, descriptor.getFullName(), descriptor);
        mappings.removeIf(m -> m.filter().equals(filter));
        mappings.add(mapping);
        return mapping;
    }

    public void remove(String filter) {
        mappings.removeIf(m -> m.filter().equals(filter));
    }

    public List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    /** The schema for a topic: the first mapping whose filter matches it. */
    public Optional<Mapping> forTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            return Optional.empty();
        }
        for (Mapping mapping : mappings) {
            if (TopicFilter.of(mapping.filter()).matches(topic)) {
                return Optional.of(mapping);
            }
        }
        return Optional.empty();
    }

    /** Reads a descriptor set and finds the message by its full name ("acme.Order") or, when unique, its simple name. */
    public static Descriptors.Descriptor load(Path file, String messageName) {
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + " is not a descriptor set (make one with protoc --descriptor_set_out=FILE --include_imports)");
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
