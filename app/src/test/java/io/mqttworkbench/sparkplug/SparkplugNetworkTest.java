package io.mqttworkbench.sparkplug;

import static io.mqttworkbench.sparkplug.EdgeNodeMessages.DEVICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkplugNetworkTest {

    private final SparkplugNetwork network = new SparkplugNetwork();
    private final EdgeNodeMessages edge = new EdgeNodeMessages();

    private NetworkView.Node node() {
        return network.view().nodes().get(0);
    }

    private NetworkView.Device device() {
        return node().devices().get(0);
    }

    private static MetricValue metric(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private List<SparkplugFlag> flags() {
        return network.view().flags();
    }

    @Test
    void birthsBringNodeAndDeviceOnlineAndDataByAliasShowsNames() {
        network.accept(edge.nbirth());
        network.accept(edge.dbirth());
        List<SparkplugChange> changes = network.accept(edge.ddata(2.75));

        assertThat(changes).isEmpty();
        assertThat(node().state()).isEqualTo(EntityState.ONLINE);
        assertThat(node().bdSeq()).isZero();
        assertThat(node().lastSeq()).isEqualTo(2);
        assertThat(device().state()).isEqualTo(EntityState.ONLINE);
        MetricValue pressure = metric(device().metrics(), "Pressure");
        assertThat(pressure.valueText()).isEqualTo("2.75");
        assertThat(pressure.number()).isEqualTo(2.75);
        assertThat(pressure.alias()).isEqualTo(10L);
        assertThat(pressure.typeName()).isEqualTo("Double");
        assertThat(metric(device().metrics(), "Running").valueText()).isEqualTo("true");
        assertThat(flags()).isEmpty();
    }

    @Test
    void aSeqGapAndARepeatAreFlaggedWithTheMessagesInvolved() {
        network.accept(edge.nbirth());
        ReceivedMessage birth = edge.dbirth();
        network.accept(birth);
        edge.skip(3);
        ReceivedMessage afterGap = edge.ddata(3.0);
        List<SparkplugChange> changes = network.accept(afterGap);

        assertThat(changes).singleElement().isInstanceOf(SparkplugChange.Flagged.class);
        SparkplugFlag gap = flags().get(0);
        assertThat(gap.kind()).isEqualTo(SparkplugFlag.Kind.SEQ_GAP);
        assertThat(gap.detail()).isEqualTo("seq went from 1 to 5: 3 messages missing or out of order");
        assertThat(gap.messages()).containsExactly(birth, afterGap);
        assertThat(gap.where()).isEqualTo("plant/edge1/press4");

        edge.skip(-1); // the same seq again
        network.accept(edge.ddata(3.0));
        assertThat(flags()).hasSize(2);
        assertThat(flags().get(1).kind()).isEqualTo(SparkplugFlag.Kind.SEQ_REPEAT);
        assertThat(flags().get(1).detail()).isEqualTo("DDATA repeats seq 5");
    }

    @Test
    void seqWrapsFrom255To0WithoutAFlag() {
        network.accept(edge.nbirth());
        network.accept(edge.dbirth());
        for (int i = 0; i < 600; i++) {
            network.accept(edge.ddata(i));
        }
        assertThat(flags()).isEmpty();
        assertThat(metric(device().metrics(), "Pressure").number()).isEqualTo(599.0);
    }

    @Test
    void aDeathWithItsBirthsBdSeqTakesNodeAndDevicesOfflineAndAnOldOneIsFlaggedAndIgnored() {
        network.accept(edge.nbirth());
        network.accept(edge.dbirth());
        EdgeNodeMessages earlierSession = new EdgeNodeMessages(EdgeNodeMessages.NODE, 7);
        ReceivedMessage staleWill = earlierSession.ndeath();
        network.accept(staleWill);
        assertThat(node().state()).isEqualTo(EntityState.ONLINE);
        assertThat(flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SparkplugFlag.Kind.BDSEQ_MISMATCH);
            assertThat(f.detail()).startsWith("NDEATH has bdSeq 7 but the NBIRTH in force has 0");
            assertThat(f.messages()).containsExactly(staleWill);
        });

        List<SparkplugChange> changes = network.accept(edge.ndeath());
        assertThat(node().state()).isEqualTo(EntityState.OFFLINE);
        assertThat(device().state()).isEqualTo(EntityState.OFFLINE);
        assertThat(node().lastDeathMillis()).isNotNull();
        assertThat(changes).filteredOn(SparkplugChange.StateChanged.class::isInstance).map(c -> ((SparkplugChange.StateChanged) c).where())
                .containsExactly("plant/edge1", "plant/edge1/press4");
    }

    @Test
    void dataBeforeBirthAndUnknownAliasesAreFlagged() {
        network.accept(edge.nbirth());
        network.accept(edge.ddata(1.0)); // the device has not been born
        assertThat(flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SparkplugFlag.Kind.DATA_BEFORE_BIRTH);
            assertThat(f.detail()).isEqualTo("DDATA before the device's DBIRTH");
        });
        assertThat(device().state()).isEqualTo(EntityState.STALE);

        network.accept(edge.dbirth());
        ReceivedMessage unknown = edge.received(edge.topic(MessageType.DDATA, DEVICE),
                SparkplugEncoder.encode(1L, (node().lastSeq() + 1L) % 256, List.of(new SparkplugEncoder.Metric(null, 99L, "Int32", 5, null))));
        network.accept(unknown);
        assertThat(flags()).last().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SparkplugFlag.Kind.UNKNOWN_METRIC);
            assertThat(f.detail()).isEqualTo("DDATA carries alias 99, not declared by the DBIRTH");
        });
    }

    @Test
    void dataFromANodeNeverSeenBornIsStaleAndNotFlagged() {
        EdgeNodeMessages joinedLate = new EdgeNodeMessages();
        joinedLate.nbirthPayload(); // born before we listened
        joinedLate.dbirthPayload();
        network.accept(joinedLate.ndata(100));
        network.accept(joinedLate.ddata(4.0));

        assertThat(node().state()).isEqualTo(EntityState.STALE);
        assertThat(device().state()).isEqualTo(EntityState.STALE);
        assertThat(metric(device().metrics(), "alias 10").valueText()).isEqualTo("4");
        assertThat(flags()).isEmpty();
    }

    @Test
    void aRebirthReplacesTheMetricsAndAsksDevicesToBeBornAgain() {
        network.accept(edge.nbirth());
        network.accept(edge.dbirth());
        List<SparkplugChange> changes = network.accept(edge.nbirth());
        assertThat(node().state()).isEqualTo(EntityState.ONLINE);
        assertThat(device().state()).isEqualTo(EntityState.OFFLINE);
        assertThat(changes).hasSize(2);
        network.accept(edge.dbirth());
        assertThat(device().state()).isEqualTo(EntityState.ONLINE);
        assertThat(flags()).isEmpty();
    }

    @Test
    void theLastValuesFromTheDiskRestoreTheStateWithoutFlagsAndWithoutACarriedSeq() {
        EdgeNodeMessages edge2 = new EdgeNodeMessages("edge2", 0);
        ReceivedMessage birth = edge.nbirth();
        ReceivedMessage deviceBirth = edge.dbirth();
        edge.ddata(1.0);
        edge.skip(40); // what the disk's last values skip is no gap
        ReceivedMessage lastData = edge.ddata(8.5);
        ReceivedMessage otherBirth = edge2.nbirth();
        ReceivedMessage otherDeath = edge2.ndeath();
        // last values come by topic, not in arrival order
        network.restore(List.of(lastData, otherDeath, deviceBirth, otherBirth, birth));

        NetworkView view = network.view();
        assertThat(view.nodes()).extracting(n -> n.id() + " " + n.state()).containsExactly("edge1 ONLINE", "edge2 OFFLINE");
        assertThat(metric(device().metrics(), "Pressure").valueText()).isEqualTo("8.5");
        assertThat(view.flags()).isEmpty();
        assertThat(node().lastSeq()).isNull();

        edge.skip(7); // the first message after the restart sets seq again
        assertThat(network.accept(edge.ddata(9.0))).isEmpty();
        assertThat(network.accept(edge.ddata(9.5))).isEmpty();
        assertThat(flags()).isEmpty();
    }

    @Test
    void hostStatesOfSparkplug3And22() {
        List<SparkplugChange> online = network.accept(text("spBv1.0/STATE/scada1", "{\"online\" : true, \"timestamp\" : 1780000000000}"));
        network.accept(text("STATE/legacy", "OFFLINE"));
        assertThat(online).containsExactly(new SparkplugChange.HostChanged("scada1", true, 5L));
        assertThat(network.view().hosts()).extracting(NetworkView.Host::id, NetworkView.Host::online)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("legacy", false), org.assertj.core.groups.Tuple.tuple("scada1", true));
    }

    @Test
    void aHostGoingOfflineTakesTheOnlineNodesWithItUntilOneSendsAgain() {
        network.accept(text("spBv1.0/STATE/scada1", "{\"online\": true, \"timestamp\": 1780000000000}"));
        network.accept(edge.nbirth());
        network.accept(edge.dbirth());
        List<SparkplugChange> offline = network.accept(text("spBv1.0/STATE/scada1", "{\"online\": false, \"timestamp\": 1780000001000}"));
        assertThat(offline).filteredOn(SparkplugChange.StateChanged.class::isInstance).map(SparkplugChange.StateChanged.class::cast)
                .extracting(c -> (c.device() == null ? c.node() : c.node() + "/" + c.device()) + " " + c.to() + " " + c.reason())
                .containsExactly("edge1 OFFLINE host scada1 offline (STATE)", "edge1/press4 OFFLINE host scada1 offline (STATE)");
        assertThat(node().state()).isEqualTo(EntityState.OFFLINE);

        // a node that goes on sending does not follow this host: online again, and no "data after death"
        network.accept(edge.ddata(3.5));
        assertThat(node().state()).isEqualTo(EntityState.ONLINE);
        assertThat(device().state()).isEqualTo(EntityState.ONLINE);
        assertThat(flags()).isEmpty();

        // its own NDEATH after another host outage is a death as before
        network.accept(text("spBv1.0/STATE/scada1", "{\"online\": true, \"timestamp\": 1780000002000}"));
        network.accept(text("spBv1.0/STATE/scada1", "{\"online\": false, \"timestamp\": 1780000003000}"));
        network.accept(edge.ndeath());
        network.accept(edge.ddata(3.6));
        assertThat(flags()).extracting(SparkplugFlag::kind).containsExactly(SparkplugFlag.Kind.DATA_BEFORE_BIRTH);
    }

    @Test
    void aPayloadThatIsNotSparkplugIsFlaggedAndOtherTopicsAreIgnored() {
        network.accept(text("spBv1.0/plant/NDATA/edge1", "{\"not\":\"protobuf\"}"));
        assertThat(flags()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(SparkplugFlag.Kind.MALFORMED));
        assertThat(network.accept(text("factory/line1", "x"))).isEmpty();
        assertThat(network.accept(text("spBv1.0/plant/NOPE/edge1", "x"))).isEmpty();
        assertThat(network.messages()).isEqualTo(1);
    }

    @Test
    void aPayloadTooLargeToReadIsFlaggedWithoutDecodingIt() {
        byte[] huge = new byte[SparkplugNetwork.MAX_READ_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 0xFF); // not protobuf: read, it would be flagged as malformed instead
        network.accept(new ReceivedMessage("spBv1.0/plant/NDATA/edge1", huge, 1, false, false, 5_000_000L, 5L, MessageProperties.NONE));
        assertThat(flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SparkplugFlag.Kind.MALFORMED);
            assertThat(f.detail()).isEqualTo("NDATA of 4,194,305 bytes is not read for the state (more than 4,194,304 bytes); the message log has it");
        });
    }

    @Test
    void onlyTheChosenGroupIsTracked() {
        SparkplugNetwork plantOnly = new SparkplugNetwork("other");
        plantOnly.accept(edge.nbirth());
        assertThat(plantOnly.view().nodes()).isEmpty();
    }

    private static ReceivedMessage text(String topic, String payload) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, 5_000_000L, 5L, MessageProperties.NONE);
    }
}
