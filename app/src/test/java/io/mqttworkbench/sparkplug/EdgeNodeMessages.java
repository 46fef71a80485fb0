package io.mqttworkbench.sparkplug;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.SparkplugEncoder.Metric;
import java.util.List;

/**
 * The messages of a simulated Sparkplug edge node, encoded by the project's own encoder: plant/edge1 with
 * device press4, whose births declare aliases and whose data then carries only the aliases. Each message
 * takes the next seq, as a real node does; {@link #skip} loses some on the way.
 */
public final class EdgeNodeMessages {
    static final String GROUP = "plant";
    static final String NODE = "edge1";
    public static final String DEVICE = "press4";

    private final String group;
    private final String node;
    private long seq;
    private long bdSeq;
    private long clock = 1_780_000_000_000L;

    public EdgeNodeMessages(String group, String node, long bdSeq) {
        this.group = group;
        this.node = node;
        this.bdSeq = bdSeq;
    }

    EdgeNodeMessages(String node, long bdSeq) {
        this(GROUP, node, bdSeq);
    }

    EdgeNodeMessages() {
        this(NODE, 0);
    }

    public String topic(MessageType type, String device) {
        return new SparkplugTopic.Edge(group, type, node, device).topic();
    }

    public byte[] nbirthPayload() {
        seq = 0;
        return SparkplugEncoder.encode(clock, seq, List.of(new Metric("bdSeq", null, "Int64", bdSeq, null),
                new Metric("Node Control/Rebirth", 1L, "Boolean", false, null),
                new Metric("Uptime", 2L, "Int64", 0, null)));
    }

    public byte[] dbirthPayload() {
        return SparkplugEncoder.encode(clock, nextSeq(), List.of(new Metric("Pressure", 10L, "Double", 1.5, null),
                new Metric("Temperature", 11L, "Float", 21.0, null),
                new Metric("Running", 12L, "Boolean", true, null)));
    }

    /** Pressure by alias only, as a node does once it has declared it. */
    public byte[] ddataPayload(double pressure) {
        return SparkplugEncoder.encode(clock, nextSeq(), List.of(new Metric(null, 10L, "Double", pressure, null)));
    }

    public byte[] ndataPayload(long uptime) {
        return SparkplugEncoder.encode(clock, nextSeq(), List.of(new Metric(null, 2L, "Int64", uptime, null)));
    }

    public byte[] ndeathPayload() {
        return SparkplugEncoder.encode(clock, null, List.of(new Metric("bdSeq", null, "Int64", bdSeq, null)));
    }

    /** The next session's birth/death number, as after a reconnect. */
    public void nextSession() {
        bdSeq++;
    }

    public void skip(int messages) {
        seq = (seq + messages) % 256;
    }

    private long nextSeq() {
        seq = (seq + 1) % 256;
        return seq;
    }

    ReceivedMessage received(String topic, byte[] payload) {
        clock += 100;
        return new ReceivedMessage(topic, payload, 0, false, false, clock * 1_000_000L, clock, MessageProperties.NONE);
    }

    ReceivedMessage nbirth() {
        return received(topic(MessageType.NBIRTH, null), nbirthPayload());
    }

    ReceivedMessage dbirth() {
        return received(topic(MessageType.DBIRTH, DEVICE), dbirthPayload());
    }

    ReceivedMessage ddata(double pressure) {
        return received(topic(MessageType.DDATA, DEVICE), ddataPayload(pressure));
    }

    ReceivedMessage ndata(long uptime) {
        return received(topic(MessageType.NDATA, null), ndataPayload(uptime));
    }

    ReceivedMessage ndeath() {
        return received(topic(MessageType.NDEATH, null), ndeathPayload());
    }
}
