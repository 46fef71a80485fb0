package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each placeholder, their mistakes, and the payload encodings' rules. */
class PlaceholdersTest {
    private static final Placeholders.Context CONTEXT = new Placeholders.Context(7, Instant.parse("2026-11-26T10:15:30.123Z"), new Random(42),
            Map.of("PLANT", "berlin")::get);

    @Test
    void everyKindIsReplaced() {
        assertThat(Placeholders.expand("{{timestamp}}", CONTEXT)).isEqualTo("1795688130123");
        assertThat(Placeholders.expand("{{iso8601}}", CONTEXT)).isEqualTo("2026-11-26T10:15:30.123Z");
        assertThat(Placeholders.expand("{{uuid}}", CONTEXT)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(Placeholders.expand("n={{counter}}", CONTEXT)).isEqualTo("n=7");
        for (int i = 0; i < 200; i++) {
            assertThat(Long.parseLong(Placeholders.expand("{{random:-5:5}}", CONTEXT))).isBetween(-5L, 5L);
        }
        assertThat(Placeholders.expand("{{randomString:12}}", CONTEXT)).matches("[A-Za-z0-9]{12}");
        assertThat(Placeholders.expand("plant/{{env:PLANT}}/{{ counter }}", CONTEXT)).isEqualTo("plant/berlin/7");
        assertThat(Placeholders.expand("{\"a\":{\"b\":1}} {{{counter}}}", CONTEXT)).as("JSON braces are left alone").isEqualTo("{\"a\":{\"b\":1}} {7}");
    }

    @Test
    void mistakesSayWhatToWrite() {
        assertThatThrownBy(() -> Placeholders.expand("{{count}}", CONTEXT)).hasMessageContaining("{{count}} is not a placeholder");
        assertThatThrownBy(() -> Placeholders.expand("{{random:5}}", CONTEXT)).hasMessageContaining("{{random:MIN:MAX}}");
        assertThatThrownBy(() -> Placeholders.expand("{{random:9:1}}", CONTEXT)).hasMessageContaining("MIN is greater than MAX");
        assertThatThrownBy(() -> Placeholders.expand("{{randomString:x}}", CONTEXT)).hasMessageContaining("{{randomString:N}}");
        assertThatThrownBy(() -> Placeholders.expand("{{env:NOPE}}", CONTEXT)).hasMessageContaining("NOPE is not set");
        assertThatThrownBy(() -> Placeholders.expand("{{uuid:4}}", CONTEXT)).hasMessageContaining("takes no arguments");
        assertThat(Placeholders.problems("{{counter}} {{bad}} {{env:NOPE}}", Map.<String, String>of()::get)).hasSize(2);
    }

    @Test
    void literalModeSendsTheBracesAndEncodingsSayWhatIsWrong() {
        Composition literal = new Composition("t", 0, false, PayloadEncoding.TEXT, "{{counter}}", false, null, null, null, null, null, false,
                java.util.List.of(), null);
        assertThat(new String(literal.toRequest(CONTEXT).payload())).isEqualTo("{{counter}}");
        assertThat(PayloadEncoding.HEX.encode("0x01 02:ff\nA0")).containsExactly(1, 2, 0xFF, 0xA0);
        assertThat(PayloadEncoding.HEX.problem("abc")).contains("Hex needs two digits per byte: 3 digits given");
        assertThat(PayloadEncoding.HEX.problem("zz")).contains("'z' is not a hex digit (0-9, a-f)");
        assertThat(PayloadEncoding.BASE64.encode("aGk=")).containsExactly('h', 'i');
        assertThat(PayloadEncoding.BASE64.problem("a$b=")).get().asString().startsWith("Not valid Base64");
        assertThat(PayloadEncoding.JSON.problem("{\"a\":}")).get().asString().startsWith("Not valid JSON");
        assertThat(PayloadEncoding.FILE.problem("")).contains("Choose a file to send");
        assertThatThrownBy(() -> PayloadEncoding.FILE.encode("/no/such/file.bin")).hasMessage("No such file: /no/such/file.bin");
        assertThat(Composition.text("a/+/b", "x", 0, false).problems()).anyMatch(p -> p.startsWith("Topic:"));
    }
}
