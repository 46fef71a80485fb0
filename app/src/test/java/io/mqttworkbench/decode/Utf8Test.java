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

    private static boolean roundTrips(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
