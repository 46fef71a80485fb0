package io.mqttworkbench.sparkplug;

import java.util.List;

/** A snapshot of everything known of a Sparkplug network, safe to hand to another thread. */
public record NetworkView(List<Node> nodes, List<Host> hosts, List<SparkplugFlag> flags, long flagsDropped) {

    /**
     * An edge node.
     *
     * @param bdSeq   the birth/death sequence number of its current session (from NBIRTH), or null
     * @param lastSeq the seq of its last message, or null
     */
    public record Node(String group, String id, EntityState state, Long lastBirthMillis, Long lastDeathMillis, Long bdSeq, Integer lastSeq,
                       List<MetricValue> metrics, List<Device> devices, int flagCount) {

        public String where() {
            return group + "/" + id;
        }
    }

    public record Device(String id, EntityState state, Long lastBirthMillis, Long lastDeathMillis, List<MetricValue> metrics, int flagCount) {
    }

    public record Host(String id, boolean online, long atMillis) {
    }

    public long online() {
        return nodes.stream().filter(n -> n.state() == EntityState.ONLINE).count();
    }
}
