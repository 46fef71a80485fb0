package io.mqttworkbench.sparkplug;

import io.mqttworkbench.mqtt.PublishRequest;
import java.util.List;

/** The commands a host sends to edge nodes and devices (NCMD, DCMD), as messages ready to publish. */
public final class SparkplugCommands {
    /** The metric every Sparkplug edge node answers with a new NBIRTH and DBIRTHs. */
    public static final String REBIRTH = "Node Control/Rebirth";

    private SparkplugCommands() {
    }

    /** NCMD {@code Node Control/Rebirth = true}: the node publishes its births again, so its aliases get names. */
    public static PublishRequest rebirth(String group, String node, long nowMillis) {
        return write(group, node, null, SparkplugEncoder.Metric.of(REBIRTH, "Boolean", true), nowMillis);
    }

    /** NCMD to a node ({@code device == null}) or DCMD to a device, writing one metric. Sparkplug commands go at QoS 0, not retained. */
    public static PublishRequest write(String group, String node, String device, SparkplugEncoder.Metric metric, long nowMillis) {
        MessageType type = device == null ? MessageType.NCMD : MessageType.DCMD;
        String topic = new SparkplugTopic.Edge(group, type, node, device).topic();
        return new PublishRequest(topic, SparkplugEncoder.encode(nowMillis, null, List.of(metric)), 0, false);
    }

    /** The filters that show a whole Sparkplug network: one group's or all, and host states of 3.0 and 2.2. */
    public static List<String> filters(String group) {
        return List.of(SparkplugTopic.NAMESPACE + "/" + (group == null ? "#" : group + "/#"), SparkplugTopic.NAMESPACE + "/STATE/+", "STATE/+");
    }
}
