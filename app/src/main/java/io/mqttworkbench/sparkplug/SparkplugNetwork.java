package io.mqttworkbench.sparkplug;

import io.mqttworkbench.decode.SparkplugPayloads;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of a Sparkplug B network as its traffic shows it: which edge nodes and devices are online,
 * their metrics resolved by name although data carries only aliases, and where the rules broke (seq gaps
 * and repeats, a death that does not match its birth, data without a birth, undeclared aliases).
 *
 * <p>Fed messages in the order they arrived, from one thread at a time; {@link #view()} may be called
 * from any thread. Flags are kept up to {@link #MAX_FLAGS}; older ones are counted as dropped.
 */
public final class SparkplugNetwork {
    static final int MAX_FLAGS = 1_000;
    /** Edge nodes tracked at most; more are not added (a namespace flood must not take the memory). */
    static final int MAX_NODES = 10_000;
    /** Payloads larger than this are not read for the state: one would stall every message behind it. The log still shows it. */
    static final int MAX_READ_BYTES = 4 * 1024 * 1024;

    private final String group;
    private final Map<String, EdgeNode> nodes = new TreeMap<>();
    private final Map<String, NetworkView.Host> hosts = new TreeMap<>();
    private final Deque<SparkplugFlag> flags = new ArrayDeque<>();
    private long flagsDropped;
    private long messages;
    /** While the last values from the disk are taken: they skip messages, so their gaps are no news. */
    private boolean restoring;

    /** @param group only this Sparkplug group, or {@code null} for all */
    public SparkplugNetwork(String group) {
        this.group = group;
    }

    public SparkplugNetwork() {
        this(null);
    }

    /** Whether a topic belongs to the Sparkplug namespace (edge node, device or host state). */
    public static boolean isSparkplug(String topic) {
        return SparkplugTopic.parse(topic).isPresent();
    }

    /**
     * Takes the last known messages of each topic from before (the history on disk), so the state is there
     * after a restart: births, deaths and metric values in the order they arrived, flagging nothing, and no
     * seq carried over (what arrives next sets it again).
     */
    public synchronized void restore(List<ReceivedMessage> lastValues) {
        List<ReceivedMessage> ordered = new ArrayList<>(lastValues);
        ordered.sort(java.util.Comparator.comparingLong(ReceivedMessage::receivedEpochMillis));
        restoring = true;
        try {
            ordered.forEach(this::accept);
        } finally {
            restoring = false;
        }
        for (EdgeNode node : nodes.values()) {
            node.lastSeq = null;
            node.lastSeqMessage = null;
        }
    }

    /** Takes one received message into the state; returns what it changed (nothing for other topics). */
    public synchronized List<SparkplugChange> accept(ReceivedMessage message) {
        Optional<SparkplugTopic> parsed = SparkplugTopic.parse(message.topic());
        if (parsed.isEmpty()) {
            return List.of();
        }
        messages++;
        List<SparkplugChange> changes = new ArrayList<>();
        switch (parsed.get()) {
            case SparkplugTopic.HostState host -> hostState(host, message, changes);
            case SparkplugTopic.Edge edge -> {
                if (group == null || group.equals(edge.group())) {
                    edge(edge, message, changes);
                }
            }
        }
        return changes;
    }

    private void hostState(SparkplugTopic.HostState host, ReceivedMessage message, List<SparkplugChange> changes) {
        String text = new String(message.payload(), StandardCharsets.UTF_8).trim();
        // 3.0: {"online":true,"timestamp":…}; 2.2: ONLINE / OFFLINE
        boolean online = host.legacy() ? text.equalsIgnoreCase("ONLINE") : text.replace(" ", "").contains("\"online\":true");
        NetworkView.Host before = hosts.get(host.hostId());
        hosts.put(host.hostId(), new NetworkView.Host(host.hostId(), online, message.receivedEpochMillis()));
        if (before == null || before.online() != online) {
            changes.add(new SparkplugChange.HostChanged(host.hostId(), online, message.receivedEpochMillis()));
        }
        if (before != null && before.online() && !online) {
            hostWentOffline(host.hostId(), message.receivedEpochMillis(), changes);
        }
    }

    /**
     * Edge nodes whose primary host this is must go offline when it does (Sparkplug 3.0), and their NDEATH may
     * never come if they only disconnect: the view takes every online node offline with the host. A node that
     * goes on sending data does not follow this host; its next message brings it back online, unflagged.
     */
    private void hostWentOffline(String hostId, long at, List<SparkplugChange> changes) {
        for (EdgeNode node : nodes.values()) {
            if (node.state == EntityState.ONLINE) {
                node.offlineByHost = true;
                move(changes, node, null, EntityState.OFFLINE, at, "host " + hostId + " offline (STATE)");
                for (EdgeNode.Device device : node.devices.values()) {
                    move(changes, node, device, EntityState.OFFLINE, at, "host " + hostId + " offline (STATE)");
                }
            }
        }
    }

    /** Data from a node the host's STATE took offline: it did not follow that host, and is online after all. */
    private void stillOnline(EdgeNode node, MessageType type, long at, List<SparkplugChange> changes) {
        node.offlineByHost = false;
        String reason = type + " after its host went offline";
        move(changes, node, null, EntityState.ONLINE, at, reason);
        for (EdgeNode.Device each : node.devices.values()) {
            if (each.lastBirthMillis != null && (each.lastDeathMillis == null || each.lastDeathMillis < each.lastBirthMillis)) {
                move(changes, node, each, EntityState.ONLINE, at, reason);
            }
        }
    }

    private void edge(SparkplugTopic.Edge topic, ReceivedMessage message, List<SparkplugChange> changes) {
        String key = topic.group() + "/" + topic.node();
        EdgeNode node = nodes.get(key);
        if (node == null) {
            if (nodes.size() >= MAX_NODES) {
                return;
            }
            node = new EdgeNode(topic.group(), topic.node());
            nodes.put(key, node);
        }
        if (topic.type() == MessageType.NCMD || topic.type() == MessageType.DCMD) {
            return; // commands come from hosts: no state, no seq
        }
        if (message.payload().length > MAX_READ_BYTES) {
            flag(changes, node, topic.device(), SparkplugFlag.Kind.MALFORMED, FlagDetail.of(FlagDetail.Why.TOO_LARGE, topic.type(),
                    message.payload().length, MAX_READ_BYTES, 0), message, List.of(message));
            return;
        }
        SparkplugPayloads.Payload payload;
        try {
            payload = SparkplugPayloads.read(message.payload());
        } catch (IOException | RuntimeException e) {
            flag(changes, node, topic.device(), SparkplugFlag.Kind.MALFORMED, new FlagDetail(FlagDetail.Why.NOT_SPARKPLUG, topic.type(), 0, 0, 0,
                    List.of(), e.getMessage()),
                    message, List.of(message));
            return;
        }
        long at = message.receivedEpochMillis();
        if (node.offlineByHost && (topic.type() == MessageType.NDATA || topic.type() == MessageType.DDATA
                || topic.type() == MessageType.DBIRTH || topic.type() == MessageType.DDEATH)) {
            stillOnline(node, topic.type(), at, changes);
        }
        if (topic.type().carriesSeq()) {
            checkSeq(node, topic, payload.seq(), message, changes);
        }
        switch (topic.type()) {
            case NBIRTH -> {
                node.metrics.birth(payload.metrics(), payload.timestamp(), at);
                node.bdSeq = node.metrics.longValue("bdSeq");
                node.lastBirthMillis = at;
                node.offlineByHost = false;
                move(changes, node, null, EntityState.ONLINE, at, "NBIRTH");
                for (EdgeNode.Device device : node.devices.values()) {
                    move(changes, node, device, EntityState.OFFLINE, at, "its node was born again: waiting for DBIRTH");
                }
            }
            case NDEATH -> {
                Long deathSeq = deathBdSeq(payload);
                if (node.bdSeq != null && deathSeq != null && !node.bdSeq.equals(deathSeq)) {
                    // the will of an earlier session: this session goes on (Sparkplug 3.0, host rules)
                    flag(changes, node, null, SparkplugFlag.Kind.BDSEQ_MISMATCH, FlagDetail.of(FlagDetail.Why.BDSEQ_MISMATCH,
                            topic.type(), deathSeq, node.bdSeq, 0),
                            message, List.of(message));
                    return;
                }
                node.lastDeathMillis = at;
                node.offlineByHost = false;
                move(changes, node, null, EntityState.OFFLINE, at, "NDEATH");
                for (EdgeNode.Device device : node.devices.values()) {
                    move(changes, node, device, EntityState.OFFLINE, at, "its node died");
                }
            }
            case DBIRTH -> {
                EdgeNode.Device device = node.device(topic.device());
                if (node.state != EntityState.ONLINE && node.state != EntityState.STALE) {
                    flag(changes, node, topic.device(), SparkplugFlag.Kind.DATA_BEFORE_BIRTH, FlagDetail.of(FlagDetail.Why.BIRTH_WHILE_NODE_OFFLINE, topic.type(), 0, 0, 0),
                            message, List.of(message));
                }
                device.metrics.birth(payload.metrics(), payload.timestamp(), at);
                device.lastBirthMillis = at;
                move(changes, node, device, EntityState.ONLINE, at, "DBIRTH");
            }
            case DDEATH -> {
                EdgeNode.Device device = node.device(topic.device());
                device.lastDeathMillis = at;
                move(changes, node, device, EntityState.OFFLINE, at, "DDEATH");
            }
            case NDATA -> {
                if (node.state == EntityState.OFFLINE) {
                    flag(changes, node, null, SparkplugFlag.Kind.DATA_BEFORE_BIRTH, FlagDetail.of(FlagDetail.Why.NDATA_AFTER_DEATH, topic.type(), 0, 0, 0), message, List.of(message));
                }
                List<String> unknown = node.metrics.update(payload.metrics(), payload.timestamp(), at);
                if (node.lastBirthMillis != null && !unknown.isEmpty()) {
                    flag(changes, node, null, SparkplugFlag.Kind.UNKNOWN_METRIC, undeclared(topic.type(), unknown),
                            message, List.of(message));
                }
            }
            case DDATA -> {
                EdgeNode.Device device = node.device(topic.device());
                if (device.state != EntityState.ONLINE && (node.lastBirthMillis != null || device.lastBirthMillis != null)) {
                    flag(changes, node, device.id, SparkplugFlag.Kind.DATA_BEFORE_BIRTH, FlagDetail.of(device.state == EntityState.OFFLINE
                            ? FlagDetail.Why.DDATA_WHILE_OFFLINE : FlagDetail.Why.DDATA_BEFORE_BIRTH, topic.type(), 0, 0, 0), message, List.of(message));
                }
                List<String> unknown = device.metrics.update(payload.metrics(), payload.timestamp(), at);
                if (device.lastBirthMillis != null && !unknown.isEmpty()) {
                    flag(changes, node, device.id, SparkplugFlag.Kind.UNKNOWN_METRIC, undeclared(topic.type(), unknown),
                            message, List.of(message));
                }
            }
            default -> {
            }
        }
    }

    /** Sparkplug's seq: 0–255 per node, one more for each message it sends after its NBIRTH (which sets it). */
    private void checkSeq(EdgeNode node, SparkplugTopic.Edge topic, Long seq, ReceivedMessage message, List<SparkplugChange> changes) {
        if (seq == null || seq < 0 || seq > 255) {
            flag(changes, node, topic.device(), SparkplugFlag.Kind.SEQ_GAP, seq == null
                    ? FlagDetail.of(FlagDetail.Why.NO_SEQ, topic.type(), 0, 0, 0) : FlagDetail.of(FlagDetail.Why.SEQ_OUT_OF_RANGE, topic.type(), seq, 0, 0),
                    message, List.of(message));
            return;
        }
        int current = seq.intValue();
        if (topic.type() != MessageType.NBIRTH && node.lastSeq != null) {
            int expected = (node.lastSeq + 1) % 256;
            if (current == node.lastSeq) {
                flag(changes, node, topic.device(), SparkplugFlag.Kind.SEQ_REPEAT, FlagDetail.of(FlagDetail.Why.SEQ_REPEAT, topic.type(), current, 0, 0),
                        message, List.of(node.lastSeqMessage, message));
            } else if (current != expected) {
                int missing = Math.floorMod(current - expected, 256);
                flag(changes, node, topic.device(), SparkplugFlag.Kind.SEQ_GAP, FlagDetail.of(FlagDetail.Why.SEQ_GAP, topic.type(),
                        node.lastSeq, current, missing),
                        message, List.of(node.lastSeqMessage, message));
            }
        }
        node.lastSeq = current;
        node.lastSeqMessage = message;
    }

    private static Long deathBdSeq(SparkplugPayloads.Payload payload) {
        return payload.metrics().stream().filter(m -> "bdSeq".equals(m.name()) && m.number() != null).map(m -> m.number().longValue())
                .findFirst().orElse(null);
    }

    private static FlagDetail undeclared(MessageType type, List<String> names) {
        return new FlagDetail(FlagDetail.Why.UNDECLARED, type, Math.max(0, names.size() - 3), 0, 0, names.subList(0, Math.min(3, names.size())), "");
    }

    private void move(List<SparkplugChange> changes, EdgeNode node, EdgeNode.Device device, EntityState to, long at, String reason) {
        EntityState from = device == null ? node.state : device.state;
        if (device == null) {
            node.state = to;
        } else {
            device.state = to;
        }
        if (from != to || reason.endsWith("BIRTH")) {
            changes.add(new SparkplugChange.StateChanged(node.group, node.id, device == null ? null : device.id, from, to, at, reason));
        }
    }

    private void flag(List<SparkplugChange> changes, EdgeNode node, String device, SparkplugFlag.Kind kind, FlagDetail detail, ReceivedMessage at,
                      List<ReceivedMessage> involved) {
        if (restoring) {
            return;
        }
        SparkplugFlag flag = new SparkplugFlag(kind, node.group, node.id, device, detail, at.receivedEpochMillis(),
                involved.stream().filter(java.util.Objects::nonNull).toList());
        node.flagCount++;
        if (device != null) {
            node.device(device).flagCount++;
        }
        if (flags.size() >= MAX_FLAGS) {
            flags.removeFirst();
            flagsDropped++;
        }
        flags.addLast(flag);
        changes.add(new SparkplugChange.Flagged(flag));
    }

    /** Everything known now. */
    public synchronized NetworkView view() {
        List<NetworkView.Node> views = new ArrayList<>(nodes.size());
        nodes.values().forEach(n -> views.add(n.view()));
        return new NetworkView(List.copyOf(views), List.copyOf(hosts.values()), List.copyOf(flags), flagsDropped);
    }

    /** Sparkplug messages taken so far. */
    public synchronized long messages() {
        return messages;
    }
}
