package io.mqttworkbench.sparkplug;

import io.mqttworkbench.decode.SparkplugPayloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one node or device: declared by its birth (name, alias, type, properties), then valued
 * by data messages that may carry only the alias. Bounded: a birth declares at most {@link #MAX_METRICS}.
 */
final class MetricTable {
    static final int MAX_METRICS = 100_000;

    private final Map<String, MetricValue> byName = new LinkedHashMap<>();
    private final Map<Long, String> nameByAlias = new HashMap<>();

    /** A birth: the table is what it declares, nothing else. */
    void birth(List<SparkplugPayloads.Metric> metrics, Long payloadTimestamp, long receivedMillis) {
        byName.clear();
        nameByAlias.clear();
        for (SparkplugPayloads.Metric m : metrics) {
            if (byName.size() >= MAX_METRICS) {
                break;
            }
            String name = m.name() != null ? m.name() : "alias " + m.alias();
            if (m.alias() != null) {
                nameByAlias.put(m.alias(), name);
            }
            byName.put(name, value(name, m, payloadTimestamp, receivedMillis, m.properties()));
        }
    }

    /**
     * Data: each metric updates the one of its name, or of its alias. Returns what the birth did not
     * declare ("alias 7", "Motor/Torque"); those are still shown (stale tables grow from data alone).
     */
    List<String> update(List<SparkplugPayloads.Metric> metrics, Long payloadTimestamp, long receivedMillis) {
        List<String> unknown = new ArrayList<>();
        for (SparkplugPayloads.Metric m : metrics) {
            String name = m.name() != null ? m.name() : m.alias() != null ? nameByAlias.get(m.alias()) : null;
            MetricValue known = name == null ? null : byName.get(name);
            if (known == null) {
                String label = name != null ? name : "alias " + m.alias();
                unknown.add(label);
                if (byName.size() < MAX_METRICS) {
                    byName.put(label, value(label, m, payloadTimestamp, receivedMillis, m.properties()));
                }
                continue;
            }
            Map<String, String> properties = m.properties().isEmpty() ? known.properties() : m.properties();
            MetricValue updated = value(name, m, payloadTimestamp, receivedMillis, properties);
            byName.put(name, new MetricValue(name, known.alias(), m.datatype() == 0 ? known.typeName() : updated.typeName(),
                    updated.valueText(), updated.number(), updated.timestamp(), properties, receivedMillis));
        }
        return unknown;
    }

    private static MetricValue value(String name, SparkplugPayloads.Metric m, Long payloadTimestamp, long receivedMillis,
                                     Map<String, String> properties) {
        Long timestamp = m.timestamp() != null ? m.timestamp() : payloadTimestamp;
        return new MetricValue(name, m.alias(), m.typeName(), m.valueText(), m.number(), timestamp, Map.copyOf(properties), receivedMillis);
    }

    /** The value of a metric by its name, as a long (bdSeq), or null. */
    Long longValue(String name) {
        MetricValue v = byName.get(name);
        return v == null || v.number() == null ? null : v.number().longValue();
    }

    List<MetricValue> values() {
        return List.copyOf(byName.values());
    }

    int size() {
        return byName.size();
    }
}
