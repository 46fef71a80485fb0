package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsWellFormedText() {
        assertThat(Utf8.isValid("plain ascii".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid("ünïcødé 温度 😀".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
    }

    @Test
    void rejectsMalformedSequences() {
        assertThat(Utf8.isValid(new byte[] {(byte) 0xFF})).isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80})).isFalse();             // overlong NUL
        assertThat(Utf8.isValid(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80})).isFalse(); // overlong
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse(); // surrogate
        assertThat(Utf8.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse(); // > U+10FFFF
        assertThat(Utf8.isValid(new byte[] {(byte) 0xE2, (byte) 0x82})).isFalse();              // truncated
        assertThat(Utf8.isValid(new byte[] {0x41, (byte) 0x80})).isFalse();                     // stray continuation
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(8)];
            random.nextBytes(bytes);
            boolean jdk = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes), java.nio.CharBuffer.allocate(16), true)
                    .isError() == false && roundTrips(bytes);
            assertThat(Utf8.isValid(bytes)).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        }
    }

    @Test
    void theWordAtATimeAsciiPathAgreesWithTheJdkAtEveryPositionAndOffset() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextInt(40) == 0 ? 0x80 + random.nextInt(128) : 0x20 + random.nextInt(95));
            }
            assertThat(Utf8.isValid(bytes)).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(roundTrips(bytes));
            int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int length = bytes.length - offset == 0 ? 0 : random.nextInt(bytes.length - offset);
            byte[] slice = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            assertThat(Utf8.isValid(bytes, offset, length)).as(java.util.HexFormat.of().formatHex(slice)).isEqualTo(roundTrips(slice));
        }
        byte[] chinese = "工厂/一号线/温度 and then plain ASCII for more than eight bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isValid(chinese)).isTrue();
        chinese[chinese.length - 3] = (byte) 0xC3; // a lead byte near the end, after a long ASCII run
        assertThat(Utf8.isValid(chinese)).isFalse();
    }

    private static boolean roundTrips(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
