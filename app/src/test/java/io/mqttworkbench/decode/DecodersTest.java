package io.mqttworkbench.decode;

import static io.mqttworkbench.decode.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DynamicMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each decoder against payloads written by other implementations, and the edges: empty, one byte, broken, deep, huge. */
class DecodersTest {
    private final DecoderRegistry registry = new DecoderRegistry();

    private Decoded auto(byte[] payload) {
        return registry.decode(payload, "test/topic", DecoderRegistry.DEFAULT_MAX_CHARS);
    }

    private Decoded as(PayloadFormat format, byte[] payload) {
        return registry.decode(payload, "test/topic", Optional.of(format), DecoderRegistry.DEFAULT_MAX_CHARS);
    }

    @Test
    void aLaterPartKnowsTheLineItStartsOnSoItsLinesAreNumberedWhereTheyAre() {
        DecoderRegistry registry = new DecoderRegistry();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append('}');
        }
        byte[] payload = json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String whole = registry.decode(payload, "t", Optional.of(PayloadFormat.JSON), 10_000_000).text();
        for (PayloadFormat format : List.of(PayloadFormat.JSON, PayloadFormat.HEX)) {
            String all = format == PayloadFormat.JSON ? whole : registry.decode(payload, "t", Optional.of(format), 10_000_000).text();
            Decoded part = registry.decodePart(payload, "t", Optional.of(format), 5_000, 1_000);
            assertThat(part.firstLine()).as(format.label()).isEqualTo(all.substring(0, 5_000).chars().filter(c -> c == '\n').count());
            assertThat(registry.decode(payload, "t", Optional.of(format), 1_000).firstLine()).isZero();
        }
    }

    @Test
    void jsonIsPrettyPrintedAsWrittenAndInvalidJsonFallsBackToTextWithTheError() {
        Decoded json = auto(Samples.json());
        assertThat(json.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(json.syntax()).isEqualTo(Syntax.JSON);
        assertThat(json.text()).isEqualTo("""
                {
                  "orderId": "A-1029",
                  "qty": 2,
                  "price": 59.9,
                  "paid": true,
                  "tags": [
                    "rush",
                    "gift"
                  ],
                  "note": null
                }""");
        assertThat(auto(utf8("{\"big\": 12345678901234567890123, \"tiny\": 1e-300}")).text()).contains("12345678901234567890123", "1e-300");

        Decoded broken = as(PayloadFormat.JSON, utf8("{\"a\": 1,, \"b\": 2}"));
        assertThat(broken.format()).isEqualTo(PayloadFormat.TEXT);
        assertThat(broken.text()).isEqualTo("{\"a\": 1,, \"b\": 2}");
        assertThat(broken.error()).startsWith("Not JSON:").contains("line 1");
        assertThat(as(PayloadFormat.JSON, utf8("{} {}")).error()).contains("more than one JSON value");
        assertThat(auto(utf8("{\"a\": 1,, \"b\": 2}")).format()).as("auto settles for text").isEqualTo(PayloadFormat.TEXT);
    }

    @Test
    void jsonNestedTenThousandLevelsDeepDoesNotOverflowTheStack() {
        int depth = 10_000;
        byte[] deep = utf8("[".repeat(depth) + "1" + "]".repeat(depth));
        Decoded decoded = registry.decode(deep, "t", Optional.empty(), DecoderRegistry.ALL_CHARS);
        assertThat(decoded.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(decoded.failed()).isFalse();
        assertThat(decoded.text()).contains("\"\u2026 nested deeper than 256 levels, not shown\"").endsWith("]");
        assertThat(decoded.text().lines().mapToInt(line -> line.length() - line.stripLeading().length()).max().orElse(0))
                .as("indentation stops growing").isLessThanOrEqualTo(2 * StructuredText.MAX_INDENT);
        byte[] deepObjects = utf8("{\"a\":".repeat(depth) + "null" + "}".repeat(depth));
        assertThat(auto(deepObjects).failed()).isFalse();
    }

    @Test
    void xmlIsIndentedAndNeverReadsExternalEntities() {
        Decoded xml = auto(Samples.xml());
        assertThat(xml.format()).isEqualTo(PayloadFormat.XML);
        assertThat(xml.text()).isEqualTo("""
                <order id="A-1029">
                  <qty>2</qty>
                  <items>
                    <item sku="X-1"/>
                  </items>
                </order>""");
        Decoded broken = as(PayloadFormat.XML, utf8("<a><b></a>"));
        assertThat(broken.error()).startsWith("Not XML:");
        Decoded hostile = as(PayloadFormat.XML, utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>"));
        assertThat(hostile.text()).doesNotContain(hostname());

        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true));
        Decoded notUtf8;
        try {
            notUtf8 = as(PayloadFormat.XML, new byte[] {'<', 'a', '>', (byte) 0xFF, '<', '/', 'a', '>'});
        } finally {
            System.setErr(original);
        }
        assertThat(notUtf8.error()).isEqualTo("Not XML: not UTF-8 text");
        assertThat(printed.toString()).as("nothing printed to the console").isEmpty();
        assertThat(as(PayloadFormat.XML, Samples.utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>")
                .clone()).failed()).isFalse();
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (Exception e) {
            return "\u0000no hostname file\u0000";
        }
    }

    @Test
    void textShowsInvalidBytesAsEscapesAndBinaryFallsToHex() {
        Decoded text = as(PayloadFormat.TEXT, new byte[] {'o', 'k', (byte) 0xFF, ' ', (byte) 0xC3, (byte) 0xA9, 0x07});
        assertThat(text.text()).isEqualTo("ok\\xFF é\\u0007");
        assertThat(text.note()).contains("1 byte not UTF-8");
        Decoded one = auto(new byte[] {(byte) 0x9C});
        assertThat(one.format()).isEqualTo(PayloadFormat.HEX);
        assertThat(one.text()).startsWith("00000000  9c ");
        Decoded empty = auto(new byte[0]);
        assertThat(empty.format()).isEqualTo(PayloadFormat.TEXT);
        assertThat(empty.note()).isEqualTo("empty payload");
        assertThat(empty.failed()).isFalse();
        assertThat(auto(utf8("21.5")).format()).as("a plain number is text").isEqualTo(PayloadFormat.TEXT);
    }

    @Test
    void base64AndCompressionArePeeledOffAndTheInsideDecoded() throws Exception {
        Decoded base64 = auto(Samples.base64(Samples.json()));
        assertThat(base64.format()).isEqualTo(PayloadFormat.BASE64);
        assertThat(base64.syntax()).isEqualTo(Syntax.JSON);
        assertThat(base64.text()).contains("\"orderId\": \"A-1029\"");
        assertThat(base64.note()).contains("then JSON");
        assertThat(auto(utf8("HelloWorld12")).format()).as("Base64-shaped text that decodes to noise stays text").isEqualTo(PayloadFormat.TEXT);

        Decoded gzip = auto(Samples.gzip(Samples.xml()));
        assertThat(gzip.format()).isEqualTo(PayloadFormat.COMPRESSED);
        assertThat(gzip.syntax()).isEqualTo(Syntax.XML);
        assertThat(gzip.note()).startsWith("gzip").contains("then XML");
        Decoded zlib = auto(Samples.zlib(Samples.cbor()));
        assertThat(zlib.note()).startsWith("zlib").contains("then CBOR");
        assertThat(zlib.text()).contains("\"orderId\": \"A-1029\"");

        byte[] bomb = Samples.gzip(new byte[200 * 1024 * 1024]);
        Decoded inflated = auto(bomb);
        assertThat(inflated.note()).contains("inflated to more than").contains("stopped there");
        assertThat(inflated.truncated()).isTrue();
    }

    @Test
    void cborAndMessagePackWrittenByTheirLibrariesReadAsJson() throws Exception {
        Decoded cbor = auto(Samples.cbor());
        assertThat(cbor.format()).isEqualTo(PayloadFormat.CBOR);
        assertThat(cbor.text()).contains("\"orderId\": \"A-1029\"", "\"qty\": 2", "\"price\": 59.9", "\"paid\": true", "\"note\": null");
        Decoded msgpack = auto(Samples.msgpack());
        assertThat(msgpack.format()).isEqualTo(PayloadFormat.MSGPACK);
        assertThat(msgpack.text()).contains("\"orderId\": \"A-1029\"", "\"price\": 59.9", "\"tags\": [");
        // a map header claiming 2^32-1 entries in five bytes fails at once
        Decoded lying = as(PayloadFormat.MSGPACK, new byte[] {(byte) 0xDF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertThat(lying.error()).contains("more than the data holds");
        assertThat(as(PayloadFormat.CBOR, new byte[] {(byte) 0xBF}).failed()).isTrue();
    }

    @Test
    void protobufWithoutASchemaShowsTheWireFormatAndATruncatedOneFails() throws Exception {
        byte[] bytes = Samples.protobuf();
        Decoded raw = auto(bytes);
        assertThat(raw.format()).isEqualTo(PayloadFormat.PROTOBUF);
        assertThat(raw.text()).contains("\"1 (varint)\": 150", "\"2 (string)\": \"hello\"", "\"3 (message)\": {", "\"1 (varint)\": 7",
                "\"4 (fixed64)\": \"4612811918334230528 / double 2.5\"");
        Decoded truncated = as(PayloadFormat.PROTOBUF, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(truncated.error()).startsWith("Not Protobuf:");
        assertThat(truncated.format()).isEqualTo(PayloadFormat.HEX);
    }

    @Test
    void protobufWithALoadedSchemaShowsTheNamedMessage(@TempDir Path dir) throws Exception {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("orders.proto").setPackage("acme").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("Order")
                        .addField(field("order_id", 1, FieldDescriptorProto.Type.TYPE_STRING, false))
                        .addField(field("qty", 2, FieldDescriptorProto.Type.TYPE_INT32, false))
                        .addField(field("tags", 3, FieldDescriptorProto.Type.TYPE_STRING, true)))
                .build();
        Path desc = dir.resolve("orders.desc");
        Files.write(desc, FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
        ProtoSchemas schemas = new ProtoSchemas();
        ProtoSchemas.Mapping mapping = schemas.add("orders/#", desc, "Order");
        assertThat(mapping.messageName()).isEqualTo("acme.Order");
        var descriptor = mapping.descriptor();
        byte[] bytes = DynamicMessage.newBuilder(descriptor)
                .setField(descriptor.findFieldByName("order_id"), "A-1029")
                .setField(descriptor.findFieldByName("qty"), 2)
                .addRepeatedField(descriptor.findFieldByName("tags"), "rush")
                .build().toByteArray();

        DecoderRegistry withSchema = new DecoderRegistry(schemas);
        Decoded decoded = withSchema.decode(bytes, "orders/eu/1", DecoderRegistry.DEFAULT_MAX_CHARS);
        assertThat(decoded.format()).isEqualTo(PayloadFormat.PROTOBUF);
        assertThat(decoded.text()).contains("\"order_id\": \"A-1029\"", "\"qty\": 2", "\"tags\": [\"rush\"]");
        assertThat(decoded.note()).contains("acme.Order from orders.desc");
        assertThat(withSchema.decode(bytes, "other/topic", DecoderRegistry.DEFAULT_MAX_CHARS).text()).contains("(string)");

        assertThatThrownBy(() -> schemas.add("x/#", desc, "Invoice")).hasMessageContaining("No message Invoice").hasMessageContaining("acme.Order");
        assertThatThrownBy(() -> schemas.add("x/#", dir.resolve("missing.desc"), "Order")).hasMessageContaining("Cannot read");
        Files.write(dir.resolve("junk.desc"), new byte[] {(byte) 0xFF, 0x01});
        assertThatThrownBy(() -> schemas.add("x/#", dir.resolve("junk.desc"), "Order")).hasMessageContaining("not a descriptor set");
        assertThatThrownBy(() -> schemas.add("x/#/y", desc, "Order")).isInstanceOf(IllegalArgumentException.class);
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type, boolean repeated) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
    }

    @Test
    void sparkplugBuiltByEclipseTahuReadsWithTypesAndIsOnlyDetectedOnItsTopics() throws Exception {
        byte[] bytes = Samples.sparkplug();
        Decoded decoded = registry.decode(bytes, Samples.SPARKPLUG_TOPIC, DecoderRegistry.DEFAULT_MAX_CHARS);
        assertThat(decoded.format()).isEqualTo(PayloadFormat.SPARKPLUG);
        assertThat(decoded.note()).startsWith("DDATA, 7 metrics");
        assertThat(decoded.text()).contains(
                "\"timestamp\": " + Samples.TIME, "\"timestampIso\": \"2023-11-14T22:13:20Z\"", "\"seq\": 3",
                "\"name\": \"Pressure\"", "\"alias\": 7", "\"datatype\": \"Int32\"", "\"value\": -5",
                "\"engUnit\": {", "\"type\": \"String\"", "\"value\": \"bar\"",
                "\"datatype\": \"UInt64\"", "\"value\": 18446744073709551615",
                "\"value\": 21.5", "\"value\": true", "\"value\": \"AUTO\"",
                "\"datatype\": \"DateTime\"", "\"value\": \"2023-11-14T22:13:20Z\"",
                "\"columns\": [", "\"shift\"", "\"early\"", "41");
        assertThat(registry.decode(bytes, "plant/press4", DecoderRegistry.DEFAULT_MAX_CHARS).format()).isNotEqualTo(PayloadFormat.SPARKPLUG);
        assertThat(registry.decode(utf8("{\"online\":true}"), "spBv1.0/STATE/host1", DecoderRegistry.DEFAULT_MAX_CHARS).format())
                .isEqualTo(PayloadFormat.JSON);
        Decoded garbage = registry.decode(utf8("hello"), Samples.SPARKPLUG_TOPIC, DecoderRegistry.DEFAULT_MAX_CHARS);
        assertThat(garbage.format()).isEqualTo(PayloadFormat.TEXT);
    }

    @Test
    void aFiftyMegabytePayloadShowsItsFirstPartQuicklyAndSaysSo() {
        StringBuilder json = new StringBuilder(50 * 1024 * 1024 + 16).append('[');
        Random random = new Random(1);
        while (json.length() < 50 * 1024 * 1024) {
            json.append(random.nextInt(1_000_000)).append(',');
        }
        json.append("0]");
        byte[] big = utf8(json.toString());
        Decoded first = auto(big);
        assertThat(first.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(first.truncated()).isTrue();
        assertThat(first.text().length()).isEqualTo(DecoderRegistry.DEFAULT_MAX_CHARS);
        assertThat(first.note()).contains("50.0 MB", "first part");

        // pretty-printed it would be 75 million characters: "all" stops at the limit, and says so
        Decoded all = registry.decode(big, "t", Optional.empty(), DecoderRegistry.ALL_CHARS);
        assertThat(all.truncated()).isTrue();
        assertThat(all.text()).hasSize(DecoderRegistry.MAX_CHARS);
        assertThat(all.note()).endsWith("output stops at the 64,000,000-character limit");

        byte[] binary = new byte[50 * 1024 * 1024];
        random.nextBytes(binary);
        Decoded hex = auto(binary);
        assertThat(hex.format()).isEqualTo(PayloadFormat.HEX);
        assertThat(hex.truncated()).isTrue();
    }
}
