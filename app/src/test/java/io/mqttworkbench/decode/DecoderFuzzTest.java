package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated payloads through every decoder and through detection: none may throw,
 * none may take long, and none may allocate more than a fixed multiple of its input.
 */
class DecoderFuzzTest {
    private static final int PAYLOADS = 100_000;
    /** Per decode: generous, it only catches hangs (a loop that never ends takes forever, not 2 s). */
    private static final long MAX_NANOS = 2_000_000_000L;
    /** Allocation bound per decode: this many bytes per input byte, plus a fixed allowance for parser set-up. */
    private static final long BYTES_PER_INPUT_BYTE = 400;
    private static final long FIXED_ALLOWANCE = 4L * 1024 * 1024;
    private static final byte[] INTERESTING = {0, 1, 0x0A, 0x12, 0x1A, 0x1F, (byte) 0x8B, 0x78, (byte) 0x9C, '{', '[', '<', '"', '=',
            (byte) 0x80, (byte) 0x8F, (byte) 0x9F, (byte) 0xA1, (byte) 0xBF, (byte) 0xD9, (byte) 0xDC, (byte) 0xDE, (byte) 0xDF,
            (byte) 0xFF, (byte) 0xF7, (byte) 0xC4, (byte) 0xC7};

    @Test
    void noDecoderThrowsHangsOrAllocatesOutOfProportion() throws Exception {
        DecoderRegistry registry = new DecoderRegistry();
        List<byte[]> seeds = List.of(Samples.json(), Samples.xml(), Samples.cbor(), Samples.msgpack(), Samples.protobuf(), Samples.sparkplug(),
                Samples.gzip(Samples.json()), Samples.zlib(Samples.msgpack()), Samples.base64(Samples.json()), Samples.utf8("temperature=21.5 °C"),
                Samples.utf8("[[[[[[{\"a\":[1,2,{\"b\":null}]}]]]]]]"), Samples.utf8("<a><b c='1'>x</b><![CDATA[y]]></a>"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(20261126L);
        List<Optional<PayloadFormat>> formats = new ArrayList<>();
        formats.add(Optional.empty());
        Arrays.stream(PayloadFormat.values()).forEach(f -> formats.add(Optional.of(f)));

        long decodes = 0;
        long largest = 0;
        int largestFor = 0;
        long slowest = 0;
        long started = System.nanoTime();
        for (int n = 0; n < PAYLOADS; n++) {
            byte[] payload = n % 2 == 0 ? randomPayload(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            String topic = n % 3 == 0 ? Samples.SPARKPLUG_TOPIC : "fuzz/" + (n % 7);
            for (Optional<PayloadFormat> format : formats) {
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                Decoded decoded;
                try {
                    decoded = registry.decode(payload, topic, format, DecoderRegistry.DEFAULT_MAX_CHARS);
                } catch (Throwable e) {
                    throw new AssertionError("decoding as " + format.map(PayloadFormat::id).orElse("auto") + " threw for "
                            + java.util.HexFormat.of().formatHex(payload), e);
                }
                long took = System.nanoTime() - t0;
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                decodes++;
                slowest = Math.max(slowest, took);
                assertThat(decoded).isNotNull();
                assertThat(took).as("decoding %s as %s", java.util.HexFormat.of().formatHex(payload), format).isLessThan(MAX_NANOS);
                assertThat(allocated).as("allocation decoding %d bytes as %s: %s", payload.length, format,
                        java.util.HexFormat.of().formatHex(payload)).isLessThanOrEqualTo(BYTES_PER_INPUT_BYTE * payload.length + FIXED_ALLOWANCE);
                if (allocated > largest) {
                    largest = allocated;
                    largestFor = payload.length;
                }
            }
        }
        System.out.printf("decoder fuzz: %,d payloads, %,d decodes in %.1f s; slowest %.1f ms; largest allocation %,d bytes (for %,d input bytes)%n",
                PAYLOADS, decodes, (System.nanoTime() - started) / 1e9, slowest / 1e6, largest, largestFor);
    }

    /** Per crafted payload (up to a megabyte, or a compressed bomb): a decoder that takes longer has no bound. */
    private static final long MAX_CRAFTED_NANOS = 2_000_000_000L;
    /** A compressed payload may allocate in proportion to what it inflates to (at most 64 times its size plus 1 MB). */
    private static final long MAX_INFLATED = 64L * 1024 * 1024;

    @Test
    void craftedExpansionsDeepChainsAndLengthBombsStayWithinTimeAndAllocation() {
        DecoderRegistry registry = new DecoderRegistry();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<CraftedPayloads.Crafted> crafted = new ArrayList<>();
        for (int size : new int[] {1024, 64 * 1024, 1024 * 1024}) {
            crafted.addAll(CraftedPayloads.all(size));
        }
        crafted.addAll(CraftedPayloads.compressed());
        List<Optional<PayloadFormat>> formats = new ArrayList<>();
        formats.add(Optional.empty());
        Arrays.stream(PayloadFormat.values()).forEach(f -> formats.add(Optional.of(f)));

        long decodes = 0;
        long slowest = 0;
        String slowestFor = "";
        double mostPerByte = 0;
        String mostPerByteFor = "";
        long started = System.nanoTime();
        for (CraftedPayloads.Crafted c : crafted) {
            byte[] payload = c.payload();
            for (String topic : List.of("fuzz/crafted", Samples.SPARKPLUG_TOPIC)) {
                for (Optional<PayloadFormat> format : topic.equals(Samples.SPARKPLUG_TOPIC) ? List.<Optional<PayloadFormat>>of(Optional.empty()) : formats) {
                    String what = c.name() + " (" + payload.length + " bytes) as " + format.map(PayloadFormat::id).orElse("auto") + " on " + topic;
                    long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                    long t0 = System.nanoTime();
                    Decoded decoded;
                    try {
                        decoded = registry.decode(payload, topic, format, DecoderRegistry.ALL_CHARS);
                    } catch (Throwable e) {
                        throw new AssertionError("decoding " + what + " threw", e);
                    }
                    long took = System.nanoTime() - t0;
                    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
                    decodes++;
                    long input = c.compressed() ? Math.min(MAX_INFLATED, 64L * payload.length + 1024 * 1024) : payload.length;
                    assertThat(decoded.text().length()).as(what).isLessThanOrEqualTo(DecoderRegistry.MAX_CHARS);
                    assertThat(took).as("nanoseconds decoding " + what).isLessThan(MAX_CRAFTED_NANOS);
                    assertThat(allocated).as("bytes allocated decoding " + what).isLessThanOrEqualTo(BYTES_PER_INPUT_BYTE * input + FIXED_ALLOWANCE);
                    if (took > slowest) {
                        slowest = took;
                        slowestFor = what;
                    }
                    if ((double) allocated / input > mostPerByte && input >= 64 * 1024) {
                        mostPerByte = (double) allocated / input;
                        mostPerByteFor = what;
                    }
                }
            }
        }
        System.out.printf("crafted payloads: %,d payloads (%d shapes), %,d decodes in %.1f s; slowest %.0f ms (%s); most allocated per input byte %.0f (%s)%n",
                crafted.size(), crafted.size() / 3, decodes, (System.nanoTime() - started) / 1e9, slowest / 1e6, slowestFor, mostPerByte, mostPerByteFor);
    }

    /** Random bytes, often starting with a byte some format looks for. */
    private static byte[] randomPayload(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(4096) : random.nextInt(200);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length > 0 && random.nextBoolean()) {
            bytes[0] = INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return bytes;
    }

    /** A valid payload with a few bits flipped, bytes changed, a cut, a duplicated or removed run. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[random.nextInt(bytes.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 3 -> {
                    int from = random.nextInt(bytes.length);
                    int to = Math.min(bytes.length, from + 1 + random.nextInt(16));
                    byte[] longer = new byte[bytes.length + (to - from)];
                    System.arraycopy(bytes, 0, longer, 0, to);
                    System.arraycopy(bytes, from, longer, to, bytes.length - from);
                    bytes = longer;
                }
                default -> {
                    int from = random.nextInt(bytes.length);
                    int to = Math.min(bytes.length, from + 1 + random.nextInt(8));
                    byte[] shorter = new byte[bytes.length - (to - from)];
                    System.arraycopy(bytes, 0, shorter, 0, from);
                    System.arraycopy(bytes, to, shorter, from, bytes.length - to);
                    bytes = shorter;
                }
            }
        }
        return bytes;
    }
}
