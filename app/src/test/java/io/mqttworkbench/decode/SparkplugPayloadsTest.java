package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.Template;
import org.junit.jupiter.api.Test;

/** Payloads read for the Sparkplug view: values as text and numbers, properties, templates and data sets expanded. */
class SparkplugPayloadsTest {

    @Test
    void valuesPropertiesAndDataSetCells() throws Exception {
        SparkplugPayloads.Payload payload = SparkplugPayloads.read(Samples.sparkplug());

        assertThat(payload.seq()).isEqualTo(3L);
        assertThat(payload.metricCount()).isEqualTo(7);
        Map<String, SparkplugPayloads.Metric> byName = new java.util.LinkedHashMap<>();
        payload.metrics().forEach(m -> byName.put(m.name(), m));
        assertThat(byName.keySet()).containsExactly("Pressure", "Counter", "Temperature", "Running", "Mode", "Started", "Shifts",
                "Shifts[0]/shift", "Shifts[0]/count");
        assertThat(byName.get("Pressure").valueText()).isEqualTo("-5");
        assertThat(byName.get("Pressure").number()).isEqualTo(-5.0);
        assertThat(byName.get("Pressure").properties()).containsEntry("engUnit", "bar").containsEntry("max", "250");
        assertThat(byName.get("Counter").valueText()).isEqualTo("18446744073709551615");
        assertThat(byName.get("Running").number()).isEqualTo(1.0);
        assertThat(byName.get("Started").number()).isNull(); // a date is no number to chart
        assertThat(byName.get("Shifts").valueText()).isEqualTo("1 row × 2 columns");
        assertThat(byName.get("Shifts[0]/shift").valueText()).isEqualTo("\"early\"");
        assertThat(byName.get("Shifts[0]/count").number()).isEqualTo(41.0);
        assertThat(byName.get("Shifts[0]/count").typeName()).isEqualTo("Int32");
    }

    @Test
    void templateMembersAreMetricsOfTheirOwn() throws Exception {
        Template motor = new Template.TemplateBuilder().version("1.0").templateRef("Motor").definition(false)
                .addMetric(new Metric.MetricBuilder("Speed", MetricDataType.Int32, 1450).createMetric())
                .addMetric(new Metric.MetricBuilder("Running", MetricDataType.Boolean, true).createMetric()).createTemplate();
        SparkplugBPayload tahu = new SparkplugBPayload.SparkplugBPayloadBuilder().setSeq(1L)
                .addMetric(new Metric.MetricBuilder("Line/Motor", MetricDataType.Template, motor).createMetric()).createPayload();

        SparkplugPayloads.Payload payload = SparkplugPayloads.read(new SparkplugBPayloadEncoder().getBytes(tahu, false));
        assertThat(payload.metrics()).extracting(SparkplugPayloads.Metric::name)
                .containsExactly("Line/Motor", "Line/Motor/Speed", "Line/Motor/Running");
        assertThat(payload.metrics().get(1).number()).isEqualTo(1450.0);
    }
}
