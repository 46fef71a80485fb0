package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.ProtoSchemasViewModel;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.workspace.LiveWorkspace;
import io.mqttworkbench.ui.workspace.LiveWorkspaceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's view models against the embedded broker: export, caps, decoder choices and the comparison. */
class MessageLogViewModelTest extends LiveWorkspaceTest {


    @Test
    void aLoadedProtobufSchemaNamesTheFieldsOfItsTopics(@TempDir Path dir) throws Exception {
        var file = com.google.protobuf.DescriptorProtos.FileDescriptorProto.newBuilder().setName("reading.proto").setPackage("plant")
                .setSyntax("proto3").addMessageType(com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder().setName("Reading")
                        .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("sensor").setNumber(1)
                                .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING)))
                .build();
        Path desc = dir.resolve("reading.desc");
        Files.write(desc, com.google.protobuf.DescriptorProtos.FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
        String base = "proto-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        try (var publisher = new io.mqttworkbench.mqtt.BrokerConnection("p", io.mqttworkbench.mqtt.ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, java.util.concurrent.TimeUnit.SECONDS);
            publisher.publish(new io.mqttworkbench.mqtt.PublishRequest(base + "/press/1", new byte[] {0x0A, 0x02, 'T', '1'}, 1, false))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        MessageLogViewModel log = connection.log();
        live.runUntil("received", () -> log.rows().size() == 1);
        log.selectedProperty().set(log.rows().get(0));
        MessageDetailViewModel detail = connection.messageDetail();
        live.runUntil("decoded", () -> detail.decodedProperty().get() != null);

        connection.messageActions().manageProtobufSchemas();
        ProtoSchemasViewModel schemas = live.dialogs.schemasShown;
        assertThat(schemas.filterProperty().get()).as("offered: the selected topic one level up").isEqualTo(base + "/press/#");
        assertThat(schemas.canAddBinding().get()).isFalse();
        Path junk = Files.write(dir.resolve("junk.desc"), new byte[] {(byte) 0xFF, 0x01});
        live.dialogs.files.push(Optional.of(junk));
        schemas.chooseFile();
        live.runUntil("junk refused", () -> schemas.statusProperty().get().contains("is not a descriptor set"));
        assertThat(schemas.canAddBinding().get()).isFalse();

        live.dialogs.files.push(Optional.of(desc));
        schemas.chooseFile();
        live.runUntil("types listed", () -> schemas.messageTypes().equals(List.of("plant.Reading")));
        assertThat(schemas.messageTypeProperty().get()).isEqualTo("plant.Reading");
        schemas.filterProperty().set(base + "/press/+/#/x");
        assertThat(schemas.filterProblemProperty().get()).isNotEmpty();
        assertThat(schemas.canAddBinding().get()).isFalse();
        schemas.filterProperty().set(base + "/press/#");
        schemas.add();
        live.runUntil("named fields", () -> detail.decodedProperty().get().text().contains("\"sensor\": \"T1\""));
        assertThat(detail.noticeProperty().get()).isEqualTo("Payloads on " + base + "/press/# now read as plant.Reading from reading.desc");
        assertThat(schemas.mappings()).extracting(io.mqttworkbench.decode.ProtoSchemas.Mapping::filter).containsExactly(base + "/press/#");

        // kept for the next start, where a descriptor set that has gone stays listed with the reason
        var reopened = new io.mqttworkbench.decode.ProtoSchemas(configDir.resolve("protobuf-schemas.json"));
        reopened.load();
        assertThat(reopened.forTopic(base + "/press/1")).map(m -> m.messageName()).hasValue("plant.Reading");
        Files.move(desc, dir.resolve("moved.desc"));
        reopened.load();
        assertThat(reopened.mappings()).singleElement().satisfies(m -> {
            assertThat(m.usable()).isFalse();
            assertThat(m.problem()).contains("no such file");
        });
        assertThat(reopened.forTopic(base + "/press/1")).isEmpty();

        schemas.selectedProperty().set(schemas.mappings().get(0));
        schemas.removeSelected();
        live.runUntil("removed", () -> schemas.mappings().isEmpty());
        live.runUntil("wire format again", () -> detail.decodedProperty().get().text().contains("(string)"));
        reopened.load();
        assertThat(reopened.mappings()).isEmpty();
    }

    @Test
    void exportsCapsDecodesAndCompares(@TempDir Path out) throws Exception {
        String base = "logvm-" + System.nanoTime();
        open(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        ConnectionViewModel connection = live.connect(0);
        live.subscribe(connection, base + "/#", 1);
        connection.publishing().qosProperty().set(1);
        LiveWorkspace.publish(connection, base + "/order", "{\"id\":1,\"qty\":2}", false);
        LiveWorkspace.publish(connection, base + "/order", "{\"id\":1,\"qty\":3}", false);
        LiveWorkspace.publish(connection, base + "/note", "hello", false);
        MessageLogViewModel log = connection.log();
        live.runUntil("3 messages", () -> log.rows().size() == 3);

        Path jsonl = out.resolve("messages.jsonl");
        live.dialogs.files.push(Optional.of(jsonl));
        connection.messageActions().exportMessages(List.copyOf(log.rows()), ExportFormat.JSON_LINES);
        live.runUntil("exported", () -> log.noticeProperty().get().startsWith("Exported"));
        assertThat(Files.readAllLines(jsonl)).hasSize(3).allMatch(l -> l.contains("\"topic\":\"" + base));
        Path raw = out.resolve("raw");
        live.dialogs.files.push(Optional.of(raw));
        connection.messageActions().exportMessages(List.of(log.rows().get(2)), ExportFormat.RAW_FILES);
        live.runUntil("raw exported", () -> log.noticeProperty().get().startsWith("Exported 1 messages as Raw"));
        assertThat(Files.readString(raw.resolve("000001_" + base + "_note.bin"))).isEqualTo("hello");
        Path recording = out.resolve("selection.jsonl");
        live.dialogs.files.push(Optional.of(recording));
        connection.messageActions().exportMessages(List.copyOf(log.rows()), ExportFormat.RECORDING);
        live.runUntil("recording saved", () -> log.noticeProperty().get().startsWith("Exported 3 messages as a recording"));
        var read = io.mqttworkbench.replay.RecordingReader.read(recording);
        assertThat(read.entries()).hasSize(3);
        assertThat(read.entries().get(0).offsetMicros()).isZero();
        assertThat(read.header().source()).isEqualTo("the message log");

        // The detail pane decodes the selection, in the chosen format, and compares it with the one before.
        MessageDetailViewModel detail = connection.messageDetail();
        log.selectedProperty().set(log.rows().get(1));
        live.runUntil("decoded", () -> detail.decodedProperty().get() != null);
        assertThat(detail.decodedProperty().get().format()).isEqualTo(PayloadFormat.JSON);
        detail.choose(Optional.of(PayloadFormat.HEX), DecoderChoices.Scope.TOPIC);
        live.runUntil("hex", () -> detail.decodedProperty().get().format() == PayloadFormat.HEX);
        log.selectedProperty().set(log.rows().get(0));
        live.runUntil("hex for the whole topic", () -> detail.decodedProperty().get() != null
                && detail.decodedProperty().get().format() == PayloadFormat.HEX && detail.messageProperty().get() == log.rows().get(0));
        assertThat(connection.profile().topicDecoders()).containsEntry(base + "/order", "hex");
        live.runUntil("topic choice saved with the profile", () -> new io.mqttworkbench.profile.ProfileStore(configDir).load().profiles().stream()
                .anyMatch(p -> "hex".equals(p.topicDecoders().get(base + "/order"))));
        detail.choose(Optional.empty(), DecoderChoices.Scope.TOPIC);
        assertThat(connection.profile().topicDecoders()).doesNotContainKey(base + "/order");

        // a subscription's choice covers its other topics and is kept in the profile
        detail.choose(Optional.of(PayloadFormat.BASE64), DecoderChoices.Scope.SUBSCRIPTION);
        log.selectedProperty().set(log.rows().get(2));
        live.runUntil("base64 through the subscription", () -> detail.decodedProperty().get() != null
                && detail.messageProperty().get() == log.rows().get(2) && detail.formatProperty().get().equals(Optional.of(PayloadFormat.BASE64)));
        assertThat(connection.subscriptions().saved()).singleElement().satisfies(s -> assertThat(s.decoder()).isEqualTo("base64"));
        live.runUntil("saved with the profile", () -> new io.mqttworkbench.profile.ProfileStore(configDir).load().profiles().stream()
                .flatMap(p -> p.subscriptions().stream()).anyMatch(s -> "base64".equals(s.decoder())));
        detail.choose(Optional.empty(), DecoderChoices.Scope.SUBSCRIPTION);
        assertThat(connection.subscriptions().saved().get(0).decoder()).isNull();

        log.selectedProperty().set(log.rows().get(1));
        detail.compareWithPrevious();
        live.runUntil("comparison", () -> detail.comparisonProperty().get() != null);
        assertThat(detail.comparisonProperty().get().changes()).isEqualTo(1);
        assertThat(detail.noticeProperty().get()).isEqualTo("1 line differs");

        log.maxMessagesProperty().set(1);
        log.applyCaps();
        live.runUntil("dropped", () -> log.droppedCountProperty().get() == 2);
        assertThat(log.noticeProperty().get()).contains("2 oldest dropped now");
        assertThat(log.rows()).hasSize(1);
    }
}
