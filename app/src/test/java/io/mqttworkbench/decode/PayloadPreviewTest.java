package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadPreviewTest {

    @Test
    void showsTextOnOneLine() {
        assertThat(PayloadPreview.of("{\n  \"a\": 1\n}".getBytes(StandardCharsets.UTF_8), 100)).isEqualTo("{ \"a\": 1 }");
    }

    @Test
    void cutsLongTextAndSaysSo() {
        assertThat(PayloadPreview.of("abcdefghij".getBytes(StandardCharsets.UTF_8), 4)).isEqualTo("abcd…");
    }

    @Test
    void showsBinaryAsHex() {
        assertThat(PayloadPreview.of(new byte[] {0, 1, (byte) 0xFF}, 100)).isEqualTo("00 01 ff");
    }

    @Test
    void treatsHugeTextAsTextEvenWhenTheProbeCutsACharacter() {
        byte[] big = "é".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);
        String preview = PayloadPreview.of(big, 101); // the probe of 404 bytes ends inside nothing, 101*4 is even
        assertThat(preview).startsWith("ééé").endsWith("…");
        assertThat(PayloadPreview.of(big, 100)).startsWith("ééé");
    }

    @Test
    void writesHexDumpsWithOffsetsAndAscii() {
        String dump = HexDump.format("Hello, MQTT world!".getBytes(StandardCharsets.US_ASCII), 0, 18);
        assertThat(dump).isEqualTo("""
                00000000  48 65 6c 6c 6f 2c 20 4d  51 54 54 20 77 6f 72 6c  |Hello, MQTT worl|
                00000010  64 21                                             |d!|
                """);
    }

    @Test
    void limitsWhatAViewShowsAndSaysHowMuch() {
        byte[] payload = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
        PayloadText text = PayloadText.of(payload, 100, 100);
        assertThat(text.text()).hasSize(100);
        assertThat(text.truncated()).isTrue();
        assertThat(text.totalBytes()).isEqualTo(1000);
        assertThat(PayloadText.of(new byte[] {(byte) 0xFF, 0}, 100, 100).binary()).isTrue();
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Sizes.bytes(12)).isEqualTo("12 B");
    }
}
