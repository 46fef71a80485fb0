package io.mqttworkbench.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.SparkplugPayloads;
import java.util.List;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.Template;
import org.junit.jupiter.api.Test;

class SparkplugRenumberingTest {

    private final SparkplugRenumbering renumbering = new SparkplugRenumbering();

    private static byte[] payload(long timestamp, long seq, Long metricTimestamp) {
        return SparkplugEncoder.encode(timestamp, seq, List.of(new SparkplugEncoder.Metric("Pressure", 10L, "Double", 1.5, metricTimestamp)));
    }

    @Test
    void seqIsNumberedAgainPerNodeFromItsBirthAndTimestampsMoveForward() throws Exception {
        byte[] birth = renumbering.rewrite("spBv1.0/plant/NBIRTH/edge1", payload(1_000, 17, 900L), 5_000);
        byte[] data = renumbering.rewrite("spBv1.0/plant/DDATA/edge1/press4", payload(2_000, 40, null), 5_000);
        byte[] other = renumbering.rewrite("spBv1.0/plant/NDATA/edge2", payload(3_000, 99, null), 5_000);
        byte[] more = renumbering.rewrite("spBv1.0/plant/DDATA/edge1/press4", payload(4_000, 80, null), 5_000);

        assertThat(SparkplugPayloads.read(birth).seq()).isZero();
        assertThat(SparkplugPayloads.read(birth).timestamp()).isEqualTo(6_000L);
        assertThat(SparkplugPayloads.read(birth).metrics().get(0).timestamp()).isEqualTo(5_900L);
        assertThat(SparkplugPayloads.read(data).seq()).isEqualTo(1L);
        assertThat(SparkplugPayloads.read(other).seq()).isZero(); // a node first seen mid-stream starts at 0
        assertThat(SparkplugPayloads.read(more).seq()).isEqualTo(2L);
        assertThat(SparkplugPayloads.read(more).metrics()).extracting(SparkplugPayloads.Metric::valueText).containsExactly("1.5");
    }

    @Test
    void seqWrapsAndCommandsDeathsAndOtherTopicsAreLeftAlone() throws Exception {
        renumbering.rewrite("spBv1.0/plant/NBIRTH/edge1", payload(1, 0, null), 0);
        byte[] last = null;
        for (int i = 0; i < 256; i++) {
            last = renumbering.rewrite("spBv1.0/plant/NDATA/edge1", payload(1, 5, null), 0);
        }
        assertThat(SparkplugPayloads.read(last).seq()).isZero();

        byte[] death = SparkplugEncoder.encode(7L, null, List.of(SparkplugEncoder.Metric.of("bdSeq", "Int64", 3)));
        assertThat(SparkplugPayloads.read(renumbering.rewrite("spBv1.0/plant/NDEATH/edge1", death, 10)).seq()).isNull();
        byte[] text = "{\"a\":1}".getBytes();
        assertThat(renumbering.rewrite("factory/line1", text, 10)).isSameAs(text);
        byte[] garbage = {(byte) 0xff, 0x01};
        assertThat(renumbering.rewrite("spBv1.0/plant/NDATA/edge1", garbage, 10)).isSameAs(garbage);
    }

    @Test
    void whatTheEncoderCannotWriteIsCopiedUnchanged() throws Exception {
        Template template = new Template.TemplateBuilder().version("1.0").templateRef("Motor").definition(false)
                .addMetric(new Metric.MetricBuilder("Speed", MetricDataType.Int32, 1450).createMetric()).createTemplate();
        SparkplugBPayload original = new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(new java.util.Date(1_000)).setSeq(9L)
                .addMetric(new Metric.MetricBuilder("Motor", MetricDataType.Template, template).timestamp(new java.util.Date(500)).createMetric())
                .createPayload();
        byte[] rewritten = renumbering.rewrite("spBv1.0/plant/NBIRTH/edge1", new SparkplugBPayloadEncoder().getBytes(original, false), 2_000);

        SparkplugBPayload read = new SparkplugBPayloadDecoder().buildFromByteArray(rewritten, null);
        assertThat(read.getSeq()).isZero();
        assertThat(read.getTimestamp().getTime()).isEqualTo(3_000L);
        assertThat(read.getMetrics().get(0).getTimestamp().getTime()).isEqualTo(2_500L);
        Template back = (Template) read.getMetrics().get(0).getValue();
        assertThat(back.getTemplateRef()).isEqualTo("Motor");
        assertThat(back.getMetrics().get(0).getValue()).isEqualTo(1450);
    }
}
