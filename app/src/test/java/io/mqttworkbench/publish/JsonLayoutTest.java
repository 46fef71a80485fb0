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
        assertThat(((JsonLayout.Failed) result).reason()).startsWith("Not valid JSON").contains("line 1").doesNotContain("gson", "Exception", "mqwb");
        assertThat(((JsonLayout.Failed) JsonLayout.pretty("{\"n\":{{counter}}}x")).reason())
                .isEqualTo("Not valid JSON, so not formatted: unexpected text at line 1 column 18");
        assertThat(((JsonLayout.Failed) JsonLayout.pretty("{\n  \"n\": {{counter}},\n  \"m\": {{uuid}} 7\n}")).reason())
                .as("the line and column of the text as written, not of the stand-ins")
                .endsWith("at line 3 column 17");
    }

    @Test
    void aPayloadThatAlreadyHoldsTheStandInTextStillComesBackAsWritten() {
        String text = "{\"a\":\"mqwb_ph_0_\",\"b\":{{counter}}}";

        assertThat(JsonLayout.compact(text)).isEqualTo(new JsonLayout.Formatted(text));
    }
}
