package io.mqttworkbench.sparkplug;

import java.util.Optional;

/** A topic of the Sparkplug B namespace: an edge node's or device's message, or a host application's STATE. */
public sealed interface SparkplugTopic {
    String NAMESPACE = "spBv1.0";

    /** {@code spBv1.0/GROUP/TYPE/NODE} or {@code spBv1.0/GROUP/TYPE/NODE/DEVICE}; {@code device} is null for node messages. */
    record Edge(String group, MessageType type, String node, String device) implements SparkplugTopic {

        public String topic() {
            return NAMESPACE + "/" + group + "/" + type + "/" + node + (device == null ? "" : "/" + device);
        }
    }

    /** A host application's state: {@code spBv1.0/STATE/HOST} (Sparkplug 3.0) or {@code STATE/HOST} (2.2). */
    record HostState(String hostId, boolean legacy) implements SparkplugTopic {
    }

    /** The Sparkplug meaning of a topic, or empty when it is not one. */
    static Optional<SparkplugTopic> parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length == 2 && levels[0].equals("STATE") && !levels[1].isEmpty()) {
            return Optional.of(new HostState(levels[1], true));
        }
        if (levels.length < 3 || !levels[0].equals(NAMESPACE)) {
            return Optional.empty();
        }
        if (levels.length == 3 && levels[1].equals("STATE") && !levels[2].isEmpty()) {
            return Optional.of(new HostState(levels[2], false));
        }
        MessageType type = MessageType.parse(levels[2]);
        if (type == null || levels[1].isEmpty() || levels.length < 4 || levels[3].isEmpty()) {
            return Optional.empty();
        }
        if (type.aboutDevice()) {
            return levels.length == 5 && !levels[4].isEmpty() ? Optional.of(new Edge(levels[1], type, levels[3], levels[4])) : Optional.empty();
        }
        return levels.length == 4 ? Optional.of(new Edge(levels[1], type, levels[3], null)) : Optional.empty();
    }
}
