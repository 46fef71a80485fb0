package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.decode.SparkplugPayloads;
import org.junit.jupiter.api.Test;

class SparkplugDescriptionTest {

    @Test
    void aDescriptionBecomesTheSparkplugPayloadItDescribes() throws Exception {
        String description = """
                {"seq": 257, "metrics": [
                  {"name": "Setpoint", "type": "Double", "value": 12.5},
                  {"alias": 10, "type": "Boolean", "value": true},
                  {"name": "Mode", "type": "String", "value": "AUTO", "timestamp": 1780000000123},
                  {"name": "Count", "type": "UInt32", "value": "4000000000"},
                  {"name": "Missing", "type": "Int16", "value": null}
                ]}""";
        SparkplugPayloads.Payload payload = SparkplugPayloads.read(PayloadEncoding.SPARKPLUG.encode(description));

        assertThat(payload.seq()).isEqualTo(1L); // modulo 256: a {{counter}} runs through 0–255
        assertThat(payload.timestamp()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        assertThat(payload.metrics()).extracting(m -> m.name() + "/" + m.alias() + "/" + m.typeName() + "=" + m.valueText())
                .containsExactly("Setpoint/null/Double=12.5", "null/10/Boolean=true", "Mode/null/String=\"AUTO\"", "Count/null/UInt32=4000000000",
                        "Missing/null/Int16=null");
        assertThat(payload.metrics().get(2).timestamp()).isEqualTo(1_780_000_000_123L);
    }

    @Test
    void withoutSeqThereIsNoneAsInACommandAndATimestampCanBeGiven() throws Exception {
        SparkplugPayloads.Payload payload = SparkplugPayloads.read(SparkplugDescription.encode(
                "{\"timestamp\": 5, \"metrics\": [{\"name\": \"Node Control/Rebirth\", \"type\": \"Boolean\", \"value\": true}]}", 99));
        assertThat(payload.seq()).isNull();
        assertThat(payload.timestamp()).isEqualTo(5L);
        assertThat(SparkplugPayloads.read(SparkplugDescription.encode(SparkplugDescription.EXAMPLE, 99)).metrics()).hasSize(1);
    }

    @Test
    void whatIsWrongIsSaidAsTheUserTypes() {
        assertThat(PayloadEncoding.SPARKPLUG.problem("{\"metrics\": [")).get().asString().startsWith("Not valid JSON");
        assertThat(PayloadEncoding.SPARKPLUG.problem("[1]")).contains("A Sparkplug description is a JSON object: {\"metrics\": [{\"name\": …, \"type\": …, \"value\": …}]}");
        assertThat(PayloadEncoding.SPARKPLUG.problem("{}")).contains("A Sparkplug description needs \"metrics\": [{\"name\": …, \"type\": …, \"value\": …}]");
        assertThat(PayloadEncoding.SPARKPLUG.problem("{\"metrics\": [{\"type\": \"Int32\", \"value\": 1}]}")).contains("metric 1 needs a \"name\" or an \"alias\"");
        assertThat(PayloadEncoding.SPARKPLUG.problem("{\"metrics\": [{\"name\": \"T\", \"value\": 1}]}"))
                .contains("metric T needs a \"type\": Boolean, Int32, Int64, Float, Double, String…");
        assertThat(PayloadEncoding.SPARKPLUG.problem("{\"metrics\": [{\"name\": \"T\", \"type\": \"Int8\", \"value\": 300}]}"))
                .contains("metric T: '300' is not a valid Int8");
        assertThat(PayloadEncoding.SPARKPLUG.problem("{\"seq\": \"x\", \"metrics\": []}")).contains("seq must be a whole number, not \"x\"");
        assertThat(PayloadEncoding.SPARKPLUG.takesPlaceholders()).isTrue();
    }
}
