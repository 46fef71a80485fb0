package io.mqttworkbench.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.decode.SparkplugPayloads;
import java.util.List;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

/** The encoder against Eclipse Tahu's decoder (the reference implementation) and against our own reader. */
class SparkplugEncoderTest {

    private static final List<SparkplugEncoder.Metric> METRICS = List.of(
            new SparkplugEncoder.Metric("Node Control/Rebirth", 1L, "Boolean", true, null),
            new SparkplugEncoder.Metric("Temperature", 2L, "Float", 21.5, 1_780_000_000_123L),
            new SparkplugEncoder.Metric("Pressure", null, "Double", "1.25", null),
            new SparkplugEncoder.Metric("Offset", null, "Int32", -12, null),
            new SparkplugEncoder.Metric("Count", null, "UInt32", 4_000_000_000L, null),
            new SparkplugEncoder.Metric("Total", null, "Int64", Long.MIN_VALUE, null),
            new SparkplugEncoder.Metric("状态", null, "String", "运行中", null),
            new SparkplugEncoder.Metric("Missing", null, "Int16", null, null));

    @Test
    void tahuReadsWhatWeWrite() throws Exception {
        byte[] bytes = SparkplugEncoder.encode(1_780_000_000_000L, 42L, METRICS);
        SparkplugBPayload payload = new SparkplugBPayloadDecoder().buildFromByteArray(bytes, null);

        assertThat(payload.getSeq()).isEqualTo(42L);
        assertThat(payload.getTimestamp().getTime()).isEqualTo(1_780_000_000_000L);
        assertThat(payload.getMetrics()).extracting(m -> m.getName(), m -> String.valueOf(m.getValue())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Node Control/Rebirth", "true"),
                org.assertj.core.groups.Tuple.tuple("Temperature", "21.5"),
                org.assertj.core.groups.Tuple.tuple("Pressure", "1.25"),
                org.assertj.core.groups.Tuple.tuple("Offset", "-12"),
                org.assertj.core.groups.Tuple.tuple("Count", "4000000000"),
                org.assertj.core.groups.Tuple.tuple("Total", String.valueOf(Long.MIN_VALUE)),
                org.assertj.core.groups.Tuple.tuple("状态", "运行中"),
                org.assertj.core.groups.Tuple.tuple("Missing", "null"));
        assertThat(payload.getMetrics().get(1).getAlias()).isEqualTo(2L);
        assertThat(payload.getMetrics().get(1).getTimestamp().getTime()).isEqualTo(1_780_000_000_123L);
    }

    @Test
    void ourReaderReadsItBack() throws Exception {
        SparkplugPayloads.Payload payload = SparkplugPayloads.read(SparkplugEncoder.encode(null, 7L, METRICS));
        assertThat(payload.timestamp()).isNull();
        assertThat(payload.seq()).isEqualTo(7L);
        assertThat(payload.metrics()).extracting(SparkplugPayloads.Metric::valueText)
                .containsExactly("true", "21.5", "1.25", "-12", "4000000000", String.valueOf(Long.MIN_VALUE), "\"运行中\"", null);
        assertThat(payload.metrics().get(7).isNull()).isTrue();
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRefusedInWords() {
        assertThatThrownBy(() -> SparkplugEncoder.encode(null, null, List.of(SparkplugEncoder.Metric.of("Level", "Int8", 300))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("metric Level: '300' is not a valid Int8");
        assertThatThrownBy(() -> SparkplugEncoder.encode(null, null, List.of(SparkplugEncoder.Metric.of("On", "Boolean", "maybe"))))
                .hasMessage("metric On: 'maybe' is not a valid Boolean");
        assertThatThrownBy(() -> SparkplugEncoder.Metric.of("X", "Decimal", 1)).hasMessage("unknown Sparkplug data type 'Decimal'");
        assertThatThrownBy(() -> SparkplugEncoder.encode(null, null, List.of(SparkplugEncoder.Metric.of("T", "Template", 1))))
                .hasMessageContaining("writing Template metrics is not supported");
    }
}
