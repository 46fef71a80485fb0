package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumericValueTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsPlainNumbersAndBooleans() {
        assertThat(NumericValue.of(utf8(" 21.5\n"), "")).hasValue(21.5);
        assertThat(NumericValue.of(utf8("-3e2"), "")).hasValue(-300);
        assertThat(NumericValue.of(utf8("true"), "")).hasValue(1);
        assertThat(NumericValue.of(utf8("OFF"), "")).isEmpty();
        assertThat(NumericValue.of(utf8("NaN"), "")).isEmpty();
        assertThat(NumericValue.of(new byte[0], "")).isEmpty();
    }

    @Test
    void readsJsonFieldsByPath() {
        byte[] payload = utf8("{\"temp\": 21.5, \"sensors\": [{\"v\": 1}, {\"v\": \"2.5\"}], \"ok\": false, \"a.b\": 7, \"name\": \"x\"}");
        assertThat(NumericValue.of(payload, "temp")).hasValue(21.5);
        assertThat(NumericValue.of(payload, "sensors[1].v")).hasValue(2.5);
        assertThat(NumericValue.of(payload, "ok")).hasValue(0);
        assertThat(NumericValue.of(payload, "[\"a.b\"]")).hasValue(7);
        assertThat(NumericValue.of(payload, "name")).isEmpty();
        assertThat(NumericValue.of(payload, "sensors[5].v")).isEmpty();
        assertThat(NumericValue.of(payload, "missing.deeper")).isEmpty();
        assertThat(NumericValue.chartablePaths(payload, 100)).containsExactly("temp", "sensors[0].v", "sensors[1].v", "ok", "[\"a.b\"]");
        assertThat(NumericValue.chartablePaths(payload, 2)).hasSize(2);
        assertThat(NumericValue.chartablePaths(utf8("42"), 100)).containsExactly(NumericValue.WHOLE_PAYLOAD);
        assertThat(NumericValue.chartablePaths(utf8("hello"), 100)).isEmpty();
    }

    @Test
    void onlyWholeDocumentsAreJson() {
        assertThat(JsonPayload.parse(utf8("{\"a\":1}"))).isPresent();
        assertThat(JsonPayload.parse(utf8("  [1,2]  "))).isPresent();
        assertThat(JsonPayload.parse(utf8("{\"a\":1} trailing"))).isEmpty();
        assertThat(JsonPayload.parse(utf8("{a:1}"))).isEmpty();
        assertThat(JsonPayload.parse(utf8("42"))).isEmpty();
        assertThat(JsonPayload.parse(new byte[] {'{', (byte) 0xff, '}'})).isEmpty();
    }
}
