package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decode}: files and standard input, chosen and detected formats, schemas, and what goes wrong. */
class DecodeCommandTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void detectsAndPrintsLikeTheDetailPane(@TempDir Path dir) throws Exception {
        Cli.Run json = Cli.runWithInput(utf8("{\"a\":[1,2]}"), "decode", "-v");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ]\n}\n");
        assertThat(json.err()).isEqualTo("decode: JSON (11 B, pretty-printed)\n");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("<a><b>1</b></a>"));
        }
        Path file = dir.resolve("payload.gz");
        Files.write(file, gz.toByteArray());
        Cli.Run xml = Cli.run("decode", file.toString());
        assertThat(xml.out()).isEqualTo("<a>\n  <b>1</b>\n</a>\n");

        Cli.Run hex = Cli.runWithInput(new byte[] {1, 2, 3}, "decode", "--format", "hex", "-");
        assertThat(hex.out()).startsWith("00000000  01 02 03");
    }

    @Test
    void aProtobufSchemaNamesTheFields(@TempDir Path dir) throws Exception {
        FileDescriptorProto proto = FileDescriptorProto.newBuilder().setName("reading.proto").setPackage("plant").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("Reading")
                        .addField(FieldDescriptorProto.newBuilder().setName("sensor").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setType(FieldDescriptorProto.Type.TYPE_DOUBLE)))
                .build();
        Path desc = dir.resolve("reading.desc");
        Files.write(desc, FileDescriptorSet.newBuilder().addFile(proto).build().toByteArray());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeString(1, "T1");
        out.writeDouble(2, 21.5);
        out.flush();

        Cli.Run named = Cli.runWithInput(bytes.toByteArray(), "decode", "--proto-desc", desc.toString(), "--message", "plant.Reading");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("\"sensor\": \"T1\"", "\"value\": 21.5");
        Cli.Run raw = Cli.runWithInput(bytes.toByteArray(), "decode");
        assertThat(raw.out()).contains("\"1 (string)\": \"T1\"");
        Cli.Run wrongName = Cli.runWithInput(bytes.toByteArray(), "decode", "--proto-desc", desc.toString(), "--message", "Nope");
        assertThat(wrongName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongName.err()).contains("No message Nope").contains("plant.Reading");
        assertThat(Cli.runWithInput(new byte[0], "decode", "--proto-desc", desc.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);

        // the schemas saved in the window apply by topic, and one that cannot be used is said
        Path config = dir.resolve("config");
        io.mqttworkbench.decode.ProtoSchemas saved = new io.mqttworkbench.decode.ProtoSchemas(config.resolve(io.mqttworkbench.decode.ProtoSchemas.FILE_NAME));
        saved.add("plant/#", desc, "Reading");
        saved.add("gone/#", Files.copy(desc, dir.resolve("gone.desc")), "Reading");
        saved.save();
        Files.delete(dir.resolve("gone.desc"));
        Cli.Run byTopic = Cli.runWithInput(bytes.toByteArray(), "decode", "-t", "plant/line/1", "--config-dir", config.toString());
        assertThat(byTopic.exitCode()).as(byTopic.err()).isZero();
        assertThat(byTopic.out()).contains("\"sensor\": \"T1\"");
        assertThat(byTopic.err()).contains("decode: the Protobuf schema for gone/# is not used: Cannot read").contains("no such file");
        Cli.Run otherTopic = Cli.runWithInput(bytes.toByteArray(), "decode", "-t", "other/1", "--config-dir", config.toString());
        assertThat(otherTopic.out()).contains("\"1 (string)\": \"T1\"");
    }

    @Test
    void aPayloadNotInTheChosenFormatIsShownAsTextWithTheReasonAndExitCodeOne() {
        Cli.Run run = Cli.runWithInput(utf8("temperature=21"), "decode", "-f", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).isEqualTo("temperature=21\n");
        assertThat(run.err()).startsWith("decode: Not JSON: malformed JSON at line 1");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(Cli.runWithInput(new byte[0], "decode", "-f", "yaml").err()).contains("unknown format 'yaml'");
        Cli.Run missing = Cli.run("decode", "/no/such/payload.bin");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file: /no/such/payload.bin");
    }

    /** Two bytes per metric: {@code 12 00} is an empty metric. */
    static byte[] sparkplugBomb(int bytes) {
        byte[] bomb = new byte[bytes];
        for (int i = 0; i < bytes; i += 2) {
            bomb[i] = 0x12;
        }
        return bomb;
    }

    @Test
    void largeOutputsAreBoundedAndSayWhatTheyLeaveOut() {
        Cli.Run sparkplug = Cli.runWithInput(sparkplugBomb(8 * 1024 * 1024), "decode", "-t", "spBv1.0/plant/NDATA/edge1");
        assertThat(sparkplug.exitCode()).as(sparkplug.err()).isZero();
        assertThat(sparkplug.out()).startsWith("{\n  \"metrics\": [\n").endsWith("    \"\u2026 showing the first 100,000 of 4,194,304 metrics\"\n  ]\n}\n");
        assertThat(sparkplug.out().length()).isLessThan(10_000_000);

        // 13 MB as hex is 67 million characters: the output stops at the limit, and its last line says so
        Cli.Run hex = Cli.runWithInput(new byte[13 * 1024 * 1024], "decode", "-f", "hex");
        assertThat(hex.exitCode()).as(hex.err()).isZero();
        assertThat(hex.out().length()).isLessThan(64_000_200);
        assertThat(hex.out()).endsWith("\n\u2026 Hex, 13.0 MB; output stops at the 64,000,000-character limit\n");
    }
}
