package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Format and Minify of a JSON payload that may hold placeholders. */
class JsonLayoutTest {

    @Test
    void formatsAroundPlaceholdersInValueAndStringPositions() {
        JsonLayout.Result result = JsonLayout.pretty("{\"n\":{{counter}},\"id\":\"dev-{{uuid}}\",\"at\":[{{timestamp}}, 2],\"{{env:KEY}}\":true}");

        assertThat(result).isEqualTo(new JsonLayout.Formatted("""
                {
                  "n": {{counter}},
                  "id": "dev-{{uuid}}",
                  "at": [
                    {{timestamp}},
                    2
                  ],
                  "{{env:KEY}}": true
                }"""));
    }

    @Test
    void minifiesAroundPlaceholdersAndKeepsNumbersAsWritten() {
        JsonLayout.Result result = JsonLayout.compact("{\n  \"n\": {{random:1:6}},\n  \"v\": 1.50,\n  \"s\": \"{{iso8601}}\"\n}");

        assertThat(result).isEqualTo(new JsonLayout.Formatted("{\"n\":{{random:1:6}},\"v\":1.50,\"s\":\"{{iso8601}}\"}"));
    }

    @Test
    void saysWhyWhenTheJsonIsInvalidForAnotherReason() {
        JsonLayout.Result result = JsonLayout.pretty("{\"n\":{{counter}}, \"m\": [1, 2}");

        assertThat(result).isInstanceOf(JsonLayout.Failed.class);
        assertThat(((JsonLayout.Failed) result).reason()).startsWith("Not valid JSON").contains("line 1").doesNotContain("gson", "Exception");
    }

    @Test
    void aPayloadThatAlreadyHoldsTheStandInTextStillComesBackAsWritten() {
        String text = "{\"a\":\"mqwb_ph_0_\",\"b\":{{counter}}}";

        assertThat(JsonLayout.compact(text)).isEqualTo(new JsonLayout.Formatted(text));
    }
}
