package io.mqttworkbench.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

    @Test
    void dataByAliasIsNamedByTheBirthBeforeIt() {
        EdgeNodeMessages edge = new EdgeNodeMessages();
        List<ReceivedMessage> messages = new ArrayList<>();
        messages.add(edge.dbirth()); // Pressure 1.5 declared with alias 10
        messages.add(edge.ddata(2.0));
        messages.add(edge.ddata(2.5));
        messages.add(edge.received(edge.topic(MessageType.DDATA, EdgeNodeMessages.DEVICE), new byte[] {(byte) 0xff})); // passed over
        java.util.Collections.reverse(messages); // the disk gives newest first

        assertThat(MetricSeries.of("Pressure", null, messages)).extracting(MetricSeries.Point::value).containsExactly(1.5, 2.0, 2.5);
        assertThat(MetricSeries.of("Running", null, messages)).extracting(MetricSeries.Point::value).containsExactly(1.0); // Boolean as 0/1
        assertThat(MetricSeries.of("Nope", null, messages)).isEmpty();
    }

    @Test
    void withoutItsBirthAliasOnlyDataIsNamedByTheAliasTheCurrentBirthGives() {
        EdgeNodeMessages edge = new EdgeNodeMessages();
        edge.dbirthPayload();
        List<ReceivedMessage> dataOnly = List.of(edge.ddata(3.0), edge.ddata(4.0));
        assertThat(MetricSeries.of("Pressure", null, dataOnly)).isEmpty();
        assertThat(MetricSeries.of("Pressure", 10L, dataOnly)).extracting(MetricSeries.Point::value).containsExactly(3.0, 4.0);
        assertThat(MetricSeries.topics("plant", "edge1", "press4")).containsExactly("spBv1.0/plant/DBIRTH/edge1/press4", "spBv1.0/plant/DDATA/edge1/press4");
    }
}
