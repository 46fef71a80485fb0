package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas saved and read back: order kept, lost files reported, a damaged list kept aside. */
class ProtoSchemasTest {

    private static Path descriptorSet(Path file) throws IOException {
        FileDescriptorProto proto = FileDescriptorProto.newBuilder().setName("plant.proto").setPackage("plant").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("Reading")
                        .addField(FieldDescriptorProto.newBuilder().setName("sensor").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_STRING))
                        .addNestedType(DescriptorProto.newBuilder().setName("Unit")))
                .addMessageType(DescriptorProto.newBuilder().setName("Alarm"))
                .build();
        return Files.write(file, FileDescriptorSet.newBuilder().addFile(proto).build().toByteArray());
    }

    @Test
    void listsEveryMessageTypeNestedOnesIncluded(@TempDir Path dir) throws Exception {
        assertThat(ProtoSchemas.messageTypes(descriptorSet(dir.resolve("p.desc")))).containsExactly("plant.Reading", "plant.Reading.Unit", "plant.Alarm");
        assertThatThrownBy(() -> ProtoSchemas.messageTypes(Files.write(dir.resolve("empty.desc"), new byte[0])))
                .hasMessageContaining("holds no message types");
        assertThatThrownBy(() -> ProtoSchemas.messageTypes(dir.resolve("none.desc"))).hasMessageContaining("there is no such file");
    }

    @Test
    void mappingsAreSavedInOrderAndReadBack(@TempDir Path dir) throws Exception {
        Path desc = descriptorSet(dir.resolve("p.desc"));
        Path store = dir.resolve("config/protobuf-schemas.json");
        ProtoSchemas schemas = new ProtoSchemas(store);
        schemas.add("plant/alarms/#", desc, "Alarm");
        schemas.add("plant/#", desc, "plant.Reading");
        schemas.save();

        ProtoSchemas reopened = new ProtoSchemas(store);
        reopened.load();
        assertThat(reopened.mappings()).extracting(ProtoSchemas.Mapping::filter).containsExactly("plant/alarms/#", "plant/#");
        assertThat(reopened.forTopic("plant/alarms/1")).map(ProtoSchemas.Mapping::messageName).hasValue("plant.Alarm");
        assertThat(reopened.forTopic("plant/line/1")).map(ProtoSchemas.Mapping::messageName).hasValue("plant.Reading");
        assertThat(reopened.loadProblem()).isEmpty();

        // a descriptor set rebuilt without the type: listed with the reason, skipped when decoding, saved unchanged
        Files.write(desc, FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder().setName("plant.proto").setPackage("plant")
                .addMessageType(DescriptorProto.newBuilder().setName("Reading"))).build().toByteArray());
        reopened.load();
        assertThat(reopened.mappings().get(0).usable()).isFalse();
        assertThat(reopened.mappings().get(0).problem()).contains("No message plant.Alarm");
        assertThat(reopened.forTopic("plant/alarms/1")).map(ProtoSchemas.Mapping::messageName).hasValue("plant.Reading");
        reopened.save();
        assertThat(Files.readString(store)).contains("plant.Alarm");
    }

    @Test
    void aDamagedListIsKeptAsideAndSaid(@TempDir Path dir) throws Exception {
        Path store = Files.writeString(dir.resolve("protobuf-schemas.json"), "{ not json");
        ProtoSchemas schemas = new ProtoSchemas(store);
        assertThatThrownBy(schemas::load).isInstanceOf(IOException.class).hasMessageContaining("kept aside");
        assertThat(schemas.loadProblem()).contains("kept aside");
        assertThat(schemas.mappings()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("protobuf-schemas.json") && n.contains("unreadable"));
        }
    }
}
