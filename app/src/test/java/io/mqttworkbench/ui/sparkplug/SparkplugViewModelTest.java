package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.SparkplugPayloads;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.EdgeNodeMessages;
import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.sparkplug.MessageType;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.mqtt.MessageProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SparkplugViewModelTest {

    private final List<PublishRequest> sent = new ArrayList<>();
    private final SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { },
            gate -> { }, Texts.english());
    private final SparkplugViewModel viewModel = new SparkplugViewModel(subscriptions, request -> {
        sent.add(request);
        return CompletableFuture.completedFuture(null);
    }, Runnable::run, Texts.english());
    private long frame = 1_000_000_000L;
    private long clock = 1_780_000_000_000L;

    private void receive(EdgeNodeMessages edge, MessageType type, String device, byte[] payload) {
        clock += 10;
        viewModel.accept(List.of(new ReceivedMessage(edge.topic(type, device), payload, 0, false, false, clock * 1_000_000L, clock, MessageProperties.NONE)));
    }

    private void nextFrame() {
        frame += SparkplugViewModel.REFRESH_NANOS;
        viewModel.onFrame(frame);
    }

    @Test
    void twoNodesOneOfflineWithTheSelectedDevicesMetricsByName() {
        EdgeNodeMessages edge1 = new EdgeNodeMessages("plant", "edge1", 0);
        EdgeNodeMessages edge2 = new EdgeNodeMessages("plant", "edge2", 3);
        nextFrame();
        assertThat(viewModel.seenProperty().get()).isFalse();
        assertThat(viewModel.subscribedProperty().get()).isFalse();

        receive(edge1, MessageType.NBIRTH, null, edge1.nbirthPayload());
        receive(edge1, MessageType.DBIRTH, EdgeNodeMessages.DEVICE, edge1.dbirthPayload());
        receive(edge1, MessageType.DDATA, EdgeNodeMessages.DEVICE, edge1.ddataPayload(7.25));
        receive(edge2, MessageType.NBIRTH, null, edge2.nbirthPayload());
        receive(edge2, MessageType.NDEATH, null, edge2.ndeathPayload());
        nextFrame();

        assertThat(viewModel.seenProperty().get()).isTrue();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("2 edge nodes (1 online) · 1 device · 0 hosts · 0 flags");
        clock += 10;
        viewModel.accept(List.of(new ReceivedMessage("spBv1.0/STATE/scada-primary", "{\"online\":false,\"timestamp\":1}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 1, true, false, clock * 1_000_000L, clock, MessageProperties.NONE)));
        nextFrame();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("2 edge nodes (1 online) · 1 device · host scada-primary offline · 0 flags");
        assertThat(viewModel.viewProperty().get().nodes()).extracting(n -> n.id() + " " + n.state()).containsExactly("edge1 ONLINE", "edge2 OFFLINE");

        viewModel.selectedProperty().set(new SparkplugViewModel.Target("plant", "edge1", EdgeNodeMessages.DEVICE));
        assertThat(viewModel.selectedStateProperty().get()).isEqualTo(EntityState.ONLINE);
        assertThat(viewModel.metrics()).extracting(m -> m.name() + "=" + m.valueText()).containsExactly("Pressure=7.25", "Temperature=21", "Running=true");
    }

    @Test
    void rebirthAndWriteSendCommandsWithTheEncoder() throws Exception {
        SparkplugViewModel.Target node = new SparkplugViewModel.Target("plant", "edge1", null);
        viewModel.rebirth(node);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("spBv1.0/plant/NCMD/edge1");
            assertThat(r.qos()).isZero();
            assertThat(SparkplugPayloads.read(r.payload()).metrics()).extracting(m -> m.name() + "=" + m.valueText())
                    .containsExactly("Node Control/Rebirth=true");
        });
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("Asked plant/edge1 to rebirth");

        assertThat(viewModel.write(new SparkplugViewModel.Target("plant", "edge1", "press4"), "Setpoint", "Double", "12.5")).isEmpty();
        assertThat(sent.get(1).topic()).isEqualTo("spBv1.0/plant/DCMD/edge1/press4");
        assertThat(SparkplugPayloads.read(sent.get(1).payload()).metrics().get(0).number()).isEqualTo(12.5);

        assertThat(viewModel.write(node, "Setpoint", "Int8", "300")).contains("metric Setpoint: '300' is not a valid Int8");
        assertThat(viewModel.write(node, " ", "Int8", "3")).contains("Name the metric to write");
        assertThat(sent).hasSize(2);
    }

    @Test
    void aMetricIsChartedFromTheMessagesOfItsDeviceWithNamesFromTheBirth() {
        EdgeNodeMessages edge = new EdgeNodeMessages("plant", "edge1", 0);
        java.util.Map<String, List<ReceivedMessage>> kept = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, byte[]> keep = (topic, payload) -> {
            clock += 1000;
            kept.computeIfAbsent(topic, t -> new ArrayList<>()).add(new ReceivedMessage(topic, payload, 0, false, false, clock * 1_000_000L, clock,
                    MessageProperties.NONE));
        };
        keep.accept(edge.topic(MessageType.DBIRTH, EdgeNodeMessages.DEVICE), edge.dbirthPayload());
        for (double v : new double[] {2.0, 2.5, 3.0}) {
            keep.accept(edge.topic(MessageType.DDATA, EdgeNodeMessages.DEVICE), edge.ddataPayload(v));
        }
        SparkplugViewModel charting = new SparkplugViewModel(subscriptions, request -> CompletableFuture.completedFuture(null),
                topic -> kept.getOrDefault(topic, List.of()), () -> null, Runnable::run, Runnable::run, Texts.english());
        charting.selectedProperty().set(new SparkplugViewModel.Target("plant", "edge1", EdgeNodeMessages.DEVICE));
        charting.chart(new io.mqttworkbench.sparkplug.MetricValue("Pressure", 10L, "Double", "3", 3.0, null, java.util.Map.of("engUnit", "bar"), 0));

        assertThat(charting.metricChart().points()).extracting(io.mqttworkbench.sparkplug.MetricSeries.Point::value).containsExactly(1.5, 2.0, 2.5, 3.0);
        assertThat(charting.metricChart().titleProperty().get()).isEqualTo("plant/edge1/press4 · Pressure (bar)");
        assertThat(charting.metricChart().statusProperty().get()).isEqualTo("4 values from memory");
    }

    @Test
    void theNetworksSnapshotIsTakenOnTheBackgroundExecutorOneAtATime() {
        List<Runnable> background = new ArrayList<>();
        SparkplugViewModel queued = new SparkplugViewModel(subscriptions, request -> CompletableFuture.completedFuture(null),
                topic -> List.of(), () -> null, background::add, Runnable::run, Texts.english());
        EdgeNodeMessages edge = new EdgeNodeMessages("plant", "edge1", 0);
        queued.accept(List.of(message(edge.topic(MessageType.NBIRTH, null), edge.nbirthPayload())));
        queued.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);
        assertThat(queued.viewProperty().get().nodes()).as("no snapshot on the JavaFX thread").isEmpty();
        assertThat(background).hasSize(1);

        queued.accept(List.of(message(edge.topic(MessageType.NDEATH, null), edge.ndeathPayload())));
        queued.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);
        assertThat(background).as("one snapshot at a time").hasSize(1);
        background.remove(0).run();
        assertThat(queued.viewProperty().get().nodes()).extracting(n -> n.id()).containsExactly("edge1");
        assertThat(queued.summaryProperty().get()).startsWith("1 edge node (0 online)");

        queued.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);
        assertThat(background).as("what arrived while the first was taken is taken next").hasSize(1);
        background.remove(0).run();
        queued.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);
        assertThat(background).as("nothing new: no snapshot").isEmpty();
    }

    @Test
    void theSummaryAndTheSelectedNodeInChinese() {
        SparkplugViewModel chinese = new SparkplugViewModel(subscriptions, request -> CompletableFuture.completedFuture(null), Runnable::run,
                Texts.simplifiedChinese());
        assertThat(chinese.summaryProperty().get()).isEqualTo("尚无 Sparkplug B 流量");
        EdgeNodeMessages edge = new EdgeNodeMessages("plant", "edge1", 0);
        chinese.accept(List.of(message(edge.topic(MessageType.NBIRTH, null), edge.nbirthPayload()),
                message(edge.topic(MessageType.DBIRTH, EdgeNodeMessages.DEVICE), edge.dbirthPayload())));
        chinese.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);
        assertThat(chinese.summaryProperty().get()).isEqualTo("1 个边缘节点（1 个在线） · 1 个设备 · 0 个主机应用 · 0 处违规");
        chinese.selectedProperty().set(new SparkplugViewModel.Target("plant", "edge1", EdgeNodeMessages.DEVICE));
        assertThat(chinese.selectedDetailProperty().get()).contains("属于边缘节点 plant/edge1（在线）");
        assertThat(chinese.write(new SparkplugViewModel.Target("plant", "edge1", null), " ", "Int8", "3")).contains("请填写要写入的指标名称");
    }

    private ReceivedMessage message(String topic, byte[] payload) {
        clock += 10;
        return new ReceivedMessage(topic, payload, 0, false, false, clock * 1_000_000L, clock, MessageProperties.NONE);
    }

    @Test
    void subscribeAddsTheNamespaceAndTheHostStates() {
        assertThat(viewModel.subscribe()).isTrue();
        assertThat(subscriptions.rows()).extracting(r -> r.filter()).containsExactly("spBv1.0/#", "spBv1.0/STATE/+", "STATE/+");
        nextFrame();
        assertThat(viewModel.subscribedProperty().get()).isTrue();
        assertThat(viewModel.subscribe()).isTrue();
        assertThat(subscriptions.rows()).hasSize(3);
    }

    @Test
    void aFlagsDetailAndAWriteRefusalReadInTheWindowsLanguage() {
        SparkplugViewModel chinese = new SparkplugViewModel(subscriptions, request -> CompletableFuture.completedFuture(null), Runnable::run,
                Texts.simplifiedChinese());
        EdgeNodeMessages edge = new EdgeNodeMessages("plant", "edge1", 0);
        List<ReceivedMessage> messages = new ArrayList<>(List.of(message(edge.topic(MessageType.NBIRTH, null), edge.nbirthPayload()),
                message(edge.topic(MessageType.DBIRTH, EdgeNodeMessages.DEVICE), edge.dbirthPayload())));
        edge.skip(3);
        messages.add(message(edge.topic(MessageType.DDATA, EdgeNodeMessages.DEVICE), edge.ddataPayload(3.0)));
        chinese.accept(messages);
        chinese.onFrame(frame += SparkplugViewModel.REFRESH_NANOS);

        assertThat(chinese.flags()).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo("seq went from 1 to 5: 3 messages missing or out of order");
            assertThat(chinese.detail(f)).isEqualTo("seq 从 1 跳到 5：3 条消息丢失或乱序");
        });
        assertThat(chinese.write(new SparkplugViewModel.Target("plant", "edge1", null), "Setpoint", "Int8", "300"))
                .contains("指标 Setpoint：“300”不是有效的 Int8");
    }
}
