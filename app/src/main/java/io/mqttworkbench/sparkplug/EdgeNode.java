package io.mqttworkbench.sparkplug;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One edge node and its devices, as its messages have shown them. Changed only by {@link SparkplugNetwork}. */
final class EdgeNode {
    final String group;
    final String id;
    EntityState state = EntityState.STALE;
    Long lastBirthMillis;
    Long lastDeathMillis;
    /** Taken offline because a host application's STATE went offline, not by its own NDEATH. */
    boolean offlineByHost;
    Long bdSeq;
    Integer lastSeq;
    ReceivedMessage lastSeqMessage;
    int flagCount;
    final MetricTable metrics = new MetricTable();
    final Map<String, Device> devices = new TreeMap<>();

    EdgeNode(String group, String id) {
        this.group = group;
        this.id = id;
    }

    static final class Device {
        final String id;
        EntityState state = EntityState.STALE;
        Long lastBirthMillis;
        Long lastDeathMillis;
        int flagCount;
        final MetricTable metrics = new MetricTable();

        Device(String id) {
            this.id = id;
        }

        NetworkView.Device view() {
            return new NetworkView.Device(id, state, lastBirthMillis, lastDeathMillis, metrics.values(), flagCount);
        }
    }

    Device device(String deviceId) {
        return devices.computeIfAbsent(deviceId, Device::new);
    }

    NetworkView.Node view() {
        List<NetworkView.Device> views = new ArrayList<>();
        devices.values().forEach(d -> views.add(d.view()));
        return new NetworkView.Node(group, id, state, lastBirthMillis, lastDeathMillis, bdSeq, lastSeq, metrics.values(), List.copyOf(views), flagCount);
    }
}
