package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.topic.TopicTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several numeric fields of a topic charted at once, one series each. */
class ChartFieldsTest {
    private static final long T0 = 1_780_000_000_000L;

    private final TopicTree tree = new TopicTree();
    private final TopicTreeViewModel topics = new TopicTreeViewModel(tree, Texts.english());
    private final TopicDetailViewModel detail = new TopicDetailViewModel(topics, new DecoderRegistry(), Runnable::run, Runnable::run, Texts.english());

    private void receive(String... payloads) {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(Messages.at("plant/press", payloads[i], T0 + i * 1_000L));
        }
        tree.addAll(messages);
        topics.selectedProperty().set(tree.find("plant/press"));
    }

    private static List<Double> values(TopicDetailViewModel.Line line) {
        return line.points().stream().map(TopicDetailViewModel.Point::value).toList();
    }

    @Test
    void theFirstNumericFieldIsChartedAloneUntilMoreArePicked() {
        receive("{\"t\":20,\"h\":50,\"name\":\"a\"}", "{\"t\":21,\"h\":51,\"name\":\"b\"}");
        assertThat(detail.chartPaths()).containsExactly("t", "h");
        assertThat(detail.chartPathProperty().get()).isEqualTo("t");
        assertThat(detail.lines()).extracting(TopicDetailViewModel.Line::path).containsExactly("t");
    }

    @Test
    void pickedFieldsGetASeriesEachInTheOrderOfTheFields() {
        receive("{\"t\":20,\"h\":50,\"p\":1}", "{\"t\":21,\"h\":51,\"p\":2}", "{\"t\":22,\"p\":3}");
        detail.alsoCharted().addAll(List.of("p", "h"));
        assertThat(detail.lines()).extracting(TopicDetailViewModel.Line::path).containsExactly("t", "p");
        assertThat(values(detail.lines().get(1))).containsExactly(1.0, 2.0, 3.0);
        assertThat(detail.series()).as("the main field, as before").extracting(TopicDetailViewModel.Point::value)
                .containsExactly(20.0, 21.0, 22.0);
    }

    @Test
    void aPickedFieldThatTheLastMessageLacksIsLeftOutAndTheMainFieldIsNotChartedTwice() {
        receive("{\"t\":20,\"h\":50}", "{\"t\":21,\"h\":51}");
        detail.alsoCharted().addAll(List.of("t", "h", "gone"));
        assertThat(detail.lines()).extracting(TopicDetailViewModel.Line::path).containsExactly("t", "h");
        assertThat(values(detail.lines().get(1))).containsExactly(50.0, 51.0);
        detail.chartPathProperty().set("h");
        assertThat(detail.lines()).extracting(TopicDetailViewModel.Line::path).containsExactly("h", "t");
    }
}
