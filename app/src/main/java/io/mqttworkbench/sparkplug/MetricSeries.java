package io.mqttworkbench.sparkplug;

import io.mqttworkbench.decode.SparkplugPayloads;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric of a node or device over time, from its birth and data messages (in memory or read from the
 * history on disk): data that carries only the alias is named by the birth before it, as on the wire.
 */
public final class MetricSeries {

    /** A value at a moment: the metric's own timestamp, else the payload's, else when it was received. */
    public record Point(long atMillis, double value) {
    }

    private MetricSeries() {
    }

    /** The topics that carry a node's ({@code device == null}) or a device's metrics: its births and its data. */
    public static List<String> topics(String group, String node, String device) {
        return device == null
                ? List.of(new SparkplugTopic.Edge(group, MessageType.NBIRTH, node, null).topic(), new SparkplugTopic.Edge(group, MessageType.NDATA, node, null).topic())
                : List.of(new SparkplugTopic.Edge(group, MessageType.DBIRTH, node, device).topic(),
                        new SparkplugTopic.Edge(group, MessageType.DDATA, node, device).topic());
    }

    /**
     * The numeric values of {@code metric} in {@code messages} (any order), oldest first; malformed payloads are passed
     * over. {@code alias} (the one the current birth gives it, or null) names alias-only data whose birth is not among them.
     */
    public static List<Point> of(String metric, Long alias, List<ReceivedMessage> messages) {
        List<ReceivedMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparingLong(ReceivedMessage::receivedNanos).thenComparingLong(ReceivedMessage::receivedEpochMillis));
        Map<Long, String> names = new HashMap<>();
        List<Point> points = new ArrayList<>();
        for (ReceivedMessage message : ordered) {
            SparkplugPayloads.Payload payload;
            try {
                payload = SparkplugPayloads.read(message.payload());
            } catch (java.io.IOException | RuntimeException e) {
                continue;
            }
            boolean birth = message.topic().contains("/NBIRTH/") || message.topic().contains("/DBIRTH/");
            if (birth) {
                names.clear();
            }
            for (SparkplugPayloads.Metric m : payload.metrics()) {
                if (birth && m.alias() != null && m.name() != null) {
                    names.put(m.alias(), m.name());
                }
                String name = m.name() != null ? m.name() : m.alias() == null ? null
                        : names.getOrDefault(m.alias(), m.alias().equals(alias) ? metric : null);
                if (metric.equals(name) && m.number() != null) {
                    long at = m.timestamp() != null ? m.timestamp() : payload.timestamp() != null ? payload.timestamp() : message.receivedEpochMillis();
                    points.add(new Point(at, m.number()));
                }
            }
        }
        points.sort(Comparator.comparingLong(Point::atMillis));
        return points;
    }
}
