package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Every topic a connection has received, as a tree split on {@code /}, with counts, rates, the last
 * message and a bounded history per topic. Fed in batches by the message pump; read by the view once
 * per frame. All methods are thread-safe (one lock, held briefly: a batch of a few thousand messages
 * takes about a millisecond).
 *
 * <p>Bounded twice, and says what it dropped: at most {@link Limits#maxNodes()} levels (messages on
 * topics beyond that stay in the message log but not in the tree: {@link #refusedMessages()}), and the
 * histories share {@link Limits#historyBytes()}: when they outgrow it, the oldest entries of the topics
 * updated longest ago go first ({@link #trimmedHistory()}). The last message of a topic always stays.
 */
public final class TopicTree {

    /**
     * @param historyPerTopic the last N messages kept per topic (the last one is kept regardless)
     * @param historyBytes what the histories together may hold (payloads plus a per-message estimate)
     * @param maxNodes how many levels the tree may grow to
     */
    public record Limits(int historyPerTopic, long historyBytes, int maxNodes) {
        public static final int DEFAULT_HISTORY = 100;
        public static final int MAX_HISTORY = 100_000;

        public Limits {
            if (historyPerTopic < 1 || historyPerTopic > MAX_HISTORY) {
                throw new IllegalArgumentException("history per topic must be between 1 and " + MAX_HISTORY);
            }
            if (historyBytes < 1 || maxNodes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** 100 per topic, a quarter of a GiB (or a sixteenth of the heap) for all of them, two million levels. */
        public static Limits defaults() {
            return new Limits(DEFAULT_HISTORY, Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 16), 2_000_000);
        }

        public Limits withHistoryPerTopic(int value) {
            return new Limits(value, historyBytes, maxNodes);
        }
    }

    /** What the object graph of one history entry costs beyond its payload and topic, roughly. */
    static final int ENTRY_OVERHEAD_BYTES = 160;

    private Limits limits;
    private TopicNode root = TopicNode.root();
    /** Every topic that received a message, to its node: levels are split only the first time. */
    private final HashMap<String, TopicNode> byTopic = new HashMap<>();
    private int nodeCount;
    private int topicCount;
    private long structureVersion;
    private long messageVersion;
    private long refusedMessages;
    private long trimmedHistory;
    private long historyBytes;
    /** Topics with history, least recently updated first: where trimming starts. */
    private final LinkedHashMap<TopicNode, Boolean> historyOrder = new LinkedHashMap<>(1024, 0.75f, true);

    public TopicTree(Limits limits) {
        this.limits = limits;
    }

    public TopicTree() {
        this(Limits.defaults());
    }

    /** Adds a batch of messages in arrival order. */
    public synchronized void addAll(List<ReceivedMessage> batch) {
        for (ReceivedMessage message : batch) {
            add(message);
        }
        messageVersion++;
    }

    private void add(ReceivedMessage message) {
        TopicNode node = nodeFor(message.topic());
        if (node == null) {
            refusedMessages++;
            return;
        }
        long nanos = message.receivedNanos();
        boolean firstMessage = node.ownCount == 0;
        for (TopicNode n = node; n != null; n = n.parent()) {
            n.subtreeCount++;
            n.subtreeRate.record(nanos);
            n.subtreeLastNanos = Math.max(n.subtreeLastNanos, nanos);
            if (firstMessage) {
                n.topicsBelow++;
            }
        }
        if (firstMessage) {
            topicCount++;
            node.ownRate = new RateMeter();
        }
        node.ownCount++;
        node.ownRate.record(nanos);
        node.last = message;
        node.lastNanos = nanos;
        // The broker marks a message retained when it comes from its store (on subscribe); a delivery
        // with an empty payload is how a deleted retained message looks to a subscriber.
        if (message.payloadSize() == 0) {
            node.retained = false;
        } else if (message.retained()) {
            node.retained = true;
        }
        remember(node, message);
    }

    private TopicNode nodeFor(String topic) {
        // Most messages go to a topic seen before: one lookup, no splitting into levels (a flood's garbage).
        TopicNode known = byTopic.get(topic);
        if (known != null) {
            return known;
        }
        TopicNode leaf = walk(topic);
        if (leaf != null) {
            byTopic.put(topic, leaf);
        }
        return leaf;
    }

    private TopicNode walk(String topic) {
        TopicNode node = root;
        int start = 0;
        while (true) {
            int slash = topic.indexOf('/', start);
            int end = slash < 0 ? topic.length() : slash;
            String level = topic.substring(start, end);
            TopicNode child = node.child(level);
            if (child == null) {
                if (nodeCount >= limits.maxNodes()) {
                    return null;
                }
                child = node.addChild(level, end == topic.length() ? topic : topic.substring(0, end));
                nodeCount++;
                structureVersion++;
            }
            node = child;
            if (slash < 0) {
                return node;
            }
            start = slash + 1;
        }
    }

    private void remember(TopicNode node, ReceivedMessage message) {
        if (node.history == null) {
            node.history = new HistoryRing();
        }
        ReceivedMessage pushedOut = node.history.add(message, limits.historyPerTopic());
        historyBytes += cost(message);
        if (pushedOut != null) {
            historyBytes -= cost(pushedOut);
        }
        historyOrder.put(node, Boolean.TRUE);
        trimToBudget();
    }

    private void trimToBudget() {
        Iterator<TopicNode> oldestFirst = historyOrder.keySet().iterator();
        while (historyBytes > limits.historyBytes() && oldestFirst.hasNext()) {
            TopicNode node = oldestFirst.next();
            // Keep each topic's last message: it is what the tree shows.
            while (historyBytes > limits.historyBytes() && node.history.size() > 1) {
                historyBytes -= cost(node.history.removeOldest());
                trimmedHistory++;
            }
            if (historyBytes > limits.historyBytes()) {
                oldestFirst.remove();
            }
        }
    }

    private static long cost(ReceivedMessage message) {
        return (long) message.payloadSize() + message.topic().length() + ENTRY_OVERHEAD_BYTES;
    }

    /** The invisible root: its children are the first levels, its stats the totals. */
    public synchronized TopicNode root() {
        return root;
    }

    /** The node of a topic, or null when nothing was received on it or below it. */
    public synchronized TopicNode find(String topic) {
        TopicNode node = root;
        int start = 0;
        while (node != null) {
            int slash = topic.indexOf('/', start);
            node = node.child(slash < 0 ? topic.substring(start) : topic.substring(start, slash));
            if (slash < 0) {
                return node;
            }
            start = slash + 1;
        }
        return null;
    }

    /** A consistent copy of a node's figures, rates as of {@code nowNanos}. */
    public synchronized TopicStats stats(TopicNode node, long nowNanos) {
        return new TopicStats(node, node.ownCount, node.subtreeCount, node.topicsBelow,
                node.ownRate == null ? 0 : node.ownRate.perSecond(nowNanos), node.subtreeRate.perSecond(nowNanos),
                node.last, node.lastNanos, node.subtreeLastNanos, node.retained, node.childCount());
    }

    /** Copies for many nodes under one lock: what a frame of the view needs. */
    public synchronized List<TopicStats> stats(List<TopicNode> nodes, long nowNanos) {
        List<TopicStats> all = new ArrayList<>(nodes.size());
        for (TopicNode node : nodes) {
            all.add(stats(node, nowNanos));
        }
        return all;
    }

    public synchronized int childCount(TopicNode node) {
        return node.childCount();
    }

    /**
     * The children in display order. {@code $} levels ({@code $SYS}…) come after the others in either
     * order: they are the broker's, not the application's.
     */
    public synchronized List<TopicNode> children(TopicNode node, TopicOrder order, long nowNanos) {
        List<TopicNode> list = new ArrayList<>(node.childNodes());
        Comparator<TopicNode> byName = Comparator.comparing(TopicNode::name, NaturalOrder.INSTANCE);
        Comparator<TopicNode> comparator = switch (order) {
            case NAME -> byName;
            case ACTIVITY -> Comparator.comparingDouble((TopicNode n) -> -n.subtreeRate.perSecond(nowNanos))
                    .thenComparingLong(n -> -n.subtreeLastNanos)
                    .thenComparing(byName);
        };
        list.sort(Comparator.comparing(TopicNode::isSystem).thenComparing(comparator));
        return list;
    }

    /** The last messages of the topic, oldest first (at most the history limit). */
    public synchronized List<ReceivedMessage> history(TopicNode node) {
        return node.history == null ? List.of() : node.history.toList();
    }

    /** The topics with a message matching the query, in tree order, at most {@code limit}. */
    public synchronized SearchResult search(TopicQuery query, int limit) {
        List<TopicNode> matches = new ArrayList<>();
        int total = 0;
        ArrayDeque<TopicNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            TopicNode node = stack.pop();
            if (node.ownCount > 0 && query.matches(node.topic())) {
                total++;
                if (matches.size() < limit) {
                    matches.add(node);
                }
            }
            node.childNodes().forEach(stack::push);
        }
        return new SearchResult(matches, total);
    }

    /** How many topics the query matches and the first of them. */
    public record SearchResult(List<TopicNode> matches, int total) {
    }

    /** The topics at or under the node that hold a retained message, as far as this client has seen. */
    public synchronized List<String> retainedTopics(TopicNode node) {
        List<String> topics = new ArrayList<>();
        ArrayDeque<TopicNode> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            TopicNode n = stack.pop();
            if (n.retained) {
                topics.add(n.topic());
            }
            n.childNodes().forEach(stack::push);
        }
        topics.sort(NaturalOrder.INSTANCE);
        return topics;
    }

    /** Records that the retained message on the topic was deleted (by this client). */
    public synchronized void retainedDeleted(String topic) {
        TopicNode node = find(topic);
        if (node != null && node.retained) {
            node.retained = false;
            messageVersion++;
        }
    }

    /** Forgets everything. */
    public synchronized void clear() {
        root = TopicNode.root();
        byTopic.clear();
        nodeCount = 0;
        topicCount = 0;
        historyBytes = 0;
        refusedMessages = 0;
        trimmedHistory = 0;
        historyOrder.clear();
        structureVersion++;
        messageVersion++;
    }

    public synchronized Limits limits() {
        return limits;
    }

    /** Changes the history kept per topic; a lower limit trims every topic at once. */
    public synchronized void setHistoryPerTopic(int perTopic) {
        limits = limits.withHistoryPerTopic(perTopic);
        for (TopicNode node : historyOrder.keySet()) {
            while (node.history.size() > perTopic) {
                historyBytes -= cost(node.history.removeOldest());
            }
        }
        messageVersion++;
    }

    /** Levels in the tree, the root not counted. */
    public synchronized int nodeCount() {
        return nodeCount;
    }

    /** Distinct topics that received a message. */
    public synchronized int topicCount() {
        return topicCount;
    }

    /** Changes when a level is added or the tree cleared: the view then syncs its items. */
    public synchronized long structureVersion() {
        return structureVersion;
    }

    /** Changes with every batch: the view then refreshes what it shows. */
    public synchronized long messageVersion() {
        return messageVersion;
    }

    /** Messages not put in the tree because it reached its size limit. */
    public synchronized long refusedMessages() {
        return refusedMessages;
    }

    /** History entries dropped to stay within the shared history budget. */
    public synchronized long trimmedHistory() {
        return trimmedHistory;
    }

    /** What the histories hold now, in the same estimate as the budget. */
    public synchronized long historyBytes() {
        return historyBytes;
    }
}
