package io.mqttworkbench.decode;

import static io.mqttworkbench.decode.CraftedPayloads.concat;
import static io.mqttworkbench.decode.CraftedPayloads.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Payloads made to turn a decoder against the user (issue 15): a few bytes per element that expand to
 * millions of elements, nesting a byte per level, lengths that claim gigabytes. Each is decoded within a
 * time and allocation budget, and the output says what it leaves out.
 */
class DecoderLimitsTest {
    private static final String SPARKPLUG_TOPIC = "spBv1.0/plant/NDATA/edge1";
    private final DecoderRegistry registry = new DecoderRegistry();

    private record Measured(Decoded decoded, long millis, long allocated) {
    }

    private static Measured measure(Supplier<Decoded> decode) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        long t0 = System.nanoTime();
        Decoded decoded = decode.get();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Measured(decoded, millis, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
    }

    @Test
    void aSparkplugPayloadOfEmptyMetricsShowsTheFirstOnesAndSaysHowManyThereAre() {
        // 16 MB of "12 00": eight million empty metrics. Before: the whole model, then a quarter of a billion characters.
        byte[] bomb = repeat("1200", 16 * 1024 * 1024);
        Measured all = measure(() -> registry.decode(bomb, SPARKPLUG_TOPIC, Optional.empty(), DecoderRegistry.ALL_CHARS));
        assertThat(all.millis()).as("time").isLessThan(3_000);
        assertThat(all.allocated()).as("allocation").isLessThan(400L * 1024 * 1024);
        assertThat(all.decoded().format()).isEqualTo(PayloadFormat.SPARKPLUG);
        assertThat(all.decoded().text()).endsWith("\"\u2026 showing the first 100,000 of 8,388,608 metrics\"\n  ]\n}");
        assertThat(all.decoded().text().length()).isLessThan(10_000_000);
        assertThat(all.decoded().note()).startsWith("NDATA, 8,388,608 metrics (the first 100,000 shown)");

        Measured first = measure(() -> registry.decode(bomb, SPARKPLUG_TOPIC, DecoderRegistry.DEFAULT_MAX_CHARS));
        assertThat(first.decoded().text()).hasSize(DecoderRegistry.DEFAULT_MAX_CHARS);
        assertThat(first.decoded().note()).contains("8,388,608 metrics", "showing the first part");
        assertThat(first.millis()).as("time").isLessThan(3_000);
    }

    @Test
    void aMegabyteOfCborTagsIsReadInAMomentAndDeepNestingIsCut() {
        // 0xC3 is a tag (negative bignum) on whatever follows: a library parser took 26 s and 2.5 GB for this
        byte[] tags = repeat("c3", 1024 * 1024);
        Measured chain = measure(() -> registry.decode(tags, "t", Optional.of(PayloadFormat.CBOR), DecoderRegistry.ALL_CHARS));
        assertThat(chain.millis()).as("time").isLessThan(2_000);
        assertThat(chain.allocated()).as("allocation").isLessThan(200L * 1024 * 1024);
        assertThat(chain.decoded().error()).isEqualTo("Not CBOR: the data ends in the middle of an item");

        byte[] tagged = concat(tags, new byte[] {0x01});
        assertThat(measure(() -> registry.decode(tagged, "t", Optional.of(PayloadFormat.CBOR), DecoderRegistry.ALL_CHARS)).decoded().text())
                .isEqualTo("1");

        // a one-element array in a one-element array, a million levels deep
        byte[] deep = concat(repeat("81", 1024 * 1024), new byte[] {0x01});
        Measured nested = measure(() -> registry.decode(deep, "t", Optional.of(PayloadFormat.CBOR), DecoderRegistry.ALL_CHARS));
        assertThat(nested.decoded().failed()).isFalse();
        assertThat(nested.decoded().text()).contains("\"\u2026 nested deeper than 256 levels, not shown\"").endsWith("]");
        assertThat(nested.decoded().text().length()).isLessThan(100_000);
        assertThat(nested.millis()).as("time").isLessThan(2_000);
    }

    @Test
    void everyStructuredFormatCutsNestingAt256Levels() {
        int depth = 200_000;
        byte[] json = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        byte[] msgpack = concat(repeat("91", depth), new byte[] {(byte) 0xC0});
        byte[] cbor = concat(repeat("9f", depth), repeat("ff", depth));
        for (var c : java.util.List.of(java.util.Map.entry(PayloadFormat.JSON, json), java.util.Map.entry(PayloadFormat.MSGPACK, msgpack),
                java.util.Map.entry(PayloadFormat.CBOR, cbor))) {
            Measured m = measure(() -> registry.decode(c.getValue(), "t", Optional.of(c.getKey()), DecoderRegistry.ALL_CHARS));
            assertThat(m.decoded().error()).as(c.getKey().label()).isEmpty();
            assertThat(m.decoded().text()).as(c.getKey().label()).contains("\u2026 nested deeper than 256 levels, not shown");
            assertThat(m.decoded().text().length()).as(c.getKey().label()).isLessThan(100_000);
            assertThat(m.millis()).as(c.getKey().label() + " time").isLessThan(2_000);
        }
    }

    @Test
    void xmlNestedDeeperThan256LevelsIsCutWhereTheParserAllowsIt() {
        // Java 21's parser reads any depth; newer ones refuse more than 100 levels unless told otherwise
        String before = System.getProperty("jdk.xml.maxElementDepth");
        System.setProperty("jdk.xml.maxElementDepth", "0");
        try {
            DecoderRegistry unlimited = new DecoderRegistry();
            int depth = 100_000;
            byte[] xml = ("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            Measured m = measure(() -> unlimited.decode(xml, "t", Optional.of(PayloadFormat.XML), DecoderRegistry.ALL_CHARS));
            assertThat(m.decoded().error()).isEmpty();
            assertThat(m.decoded().text()).contains("<!--\u2026 nested deeper than 256 levels, not shown -->").endsWith("</a>");
            assertThat(m.decoded().text().length()).isLessThan(100_000);
            assertThat(m.millis()).as("time").isLessThan(3_000);
        } finally {
            if (before == null) {
                System.clearProperty("jdk.xml.maxElementDepth");
            } else {
                System.setProperty("jdk.xml.maxElementDepth", before);
            }
        }
    }

    @Test
    void binaryListsShowTheirFirst100000EntriesAndSayHowManyThereAre() {
        // a MessagePack array of a million nils (one byte each), and the same in CBOR
        byte[] msgpack = concat(HexFormat.of().parseHex("dd00100000"), repeat("c0", 1 << 20));
        byte[] cbor = concat(HexFormat.of().parseHex("9a00100000"), repeat("f6", 1 << 20));
        // a Protobuf message of a million varint fields, two bytes each
        byte[] protobuf = repeat("0800", 2 << 20);
        for (var c : java.util.List.of(java.util.Map.entry(PayloadFormat.MSGPACK, msgpack), java.util.Map.entry(PayloadFormat.CBOR, cbor),
                java.util.Map.entry(PayloadFormat.PROTOBUF, protobuf))) {
            Measured m = measure(() -> registry.decode(c.getValue(), "t", Optional.of(c.getKey()), DecoderRegistry.ALL_CHARS));
            assertThat(m.decoded().text()).as(c.getKey().label()).contains("showing the first 100,000 of 1,048,576 entries");
            assertThat(m.decoded().text().length()).as(c.getKey().label()).isLessThan(3_000_000);
            assertThat(m.millis()).as(c.getKey().label() + " time").isLessThan(2_000);
        }
    }

    @Test
    void aProtobufMessageWithMillionsOfElementsIsNotBuiltFromItsSchema(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var sub = com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder().setName("Sub")
                .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("v").setNumber(1)
                        .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32));
        var top = com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder().setName("Top")
                .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("items").setNumber(2).setTypeName(".b.Sub")
                        .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setLabel(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_REPEATED));
        var file = com.google.protobuf.DescriptorProtos.FileDescriptorProto.newBuilder().setName("b.proto").setPackage("b").setSyntax("proto3")
                .addMessageType(sub).addMessageType(top).build();
        java.nio.file.Path desc = dir.resolve("b.desc");
        java.nio.file.Files.write(desc, com.google.protobuf.DescriptorProtos.FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
        ProtoSchemas schemas = new ProtoSchemas();
        schemas.add("b/#", desc, "Top");
        DecoderRegistry withSchema = new DecoderRegistry(schemas);

        // 8 MB of empty "items": protobuf-java would build four million messages (2 GB of allocation) before printing one
        byte[] bomb = repeat("1200", 8 * 1024 * 1024);
        Measured m = measure(() -> withSchema.decode(bomb, "b/1", Optional.empty(), DecoderRegistry.ALL_CHARS));
        assertThat(m.millis()).as("time").isLessThan(3_000);
        assertThat(m.allocated()).as("allocation").isLessThan(400L * 1024 * 1024);
        assertThat(m.decoded().format()).isEqualTo(PayloadFormat.PROTOBUF);
        assertThat(m.decoded().note()).contains("more than 500,000 values, too many to read with b.Top: shown as wire format");
        assertThat(m.decoded().text()).contains("showing the first 100,000 of 4,194,304 entries");

        // fewer elements are read with the schema, and printing stops at the part shown
        byte[] many = repeat("12020801", 400_000);
        Measured named = measure(() -> withSchema.decode(many, "b/1", DecoderRegistry.DEFAULT_MAX_CHARS));
        assertThat(named.decoded().note()).contains("b.Top from b.desc", "showing the first part");
        assertThat(named.decoded().text()).startsWith("{\n  \"items\": [{\n    \"v\": 1\n  }, {").hasSize(DecoderRegistry.DEFAULT_MAX_CHARS);
    }

    @Test
    void lengthsThatClaimGigabytesFailAtOnceWithoutAllocatingThem() {
        String[][] bombs = {
                {"msgpack", "dbffffffff41"}, // str 32 of 4 GB
                {"msgpack", "c6ffffffff00"}, // bin 32
                {"msgpack", "c9ffffffff0100"}, // ext 32
                {"msgpack", "ddffffffffc0"}, // array 32
                {"cbor", "5b00000000ffffffff00"}, // bytes of 4 GB
                {"cbor", "7bffffffffffffffff00"}, // text of 2^64 - 1
                {"cbor", "9bffffffffffffffff00"}, // array
                {"cbor", "bb00000001000000000000"}, // map of 2^32 pairs
                {"protobuf", "0affffffff0f00"}, // a field of 4 GB
                {"sparkplug", "12ffffffff0700"}, // a metric of 2 GB
        };
        for (String[] bomb : bombs) {
            byte[] payload = HexFormat.of().parseHex(bomb[1]);
            Measured m = measure(() -> registry.decode(payload, SPARKPLUG_TOPIC, PayloadFormat.byId(bomb[0]), DecoderRegistry.ALL_CHARS));
            assertThat(m.decoded().failed()).as(bomb[1]).isTrue();
            assertThat(m.allocated()).as(bomb[1] + " allocation").isLessThan(4L * 1024 * 1024);
            assertThat(m.millis()).as(bomb[1] + " time").isLessThan(500);
        }
    }

    @Test
    void decodingStopsAtItsTimeLimitAndSaysSo() {
        DecoderRegistry hurried = new DecoderRegistry(new ProtoSchemas(), java.time.Duration.ofMillis(20));
        byte[] json = concat("[".getBytes(StandardCharsets.US_ASCII), repeat("302c", 32 * 1024 * 1024), "0]".getBytes(StandardCharsets.US_ASCII));
        Measured m = measure(() -> hurried.decode(json, "t", Optional.empty(), DecoderRegistry.ALL_CHARS));
        assertThat(m.decoded().format()).isEqualTo(PayloadFormat.JSON);
        assertThat(m.decoded().truncated()).isTrue();
        assertThat(m.decoded().note()).endsWith("decoding stopped at the 20 ms time limit");
        assertThat(m.millis()).isLessThan(1_000);
        assertThat(registry.decode(json, "t", Optional.empty(), DecoderRegistry.ALL_CHARS).note()).as("in its own time").doesNotContain("time limit");
    }

    @Test
    void theOutputNeverExceedsItsLimitWhateverIsAskedForAndSaysWhereItStopped() {
        // 16 MB of zeros as hex: 83 million characters, more than the limit
        byte[] zeros = new byte[16 * 1024 * 1024];
        Measured m = measure(() -> registry.decode(zeros, "t", Optional.of(PayloadFormat.HEX), Integer.MAX_VALUE));
        assertThat(m.decoded().text().length()).isLessThanOrEqualTo(64_000_000);
        assertThat(m.decoded().truncated()).isTrue();
        assertThat(m.decoded().note()).endsWith("output stops at the 64,000,000-character limit");
    }
}
