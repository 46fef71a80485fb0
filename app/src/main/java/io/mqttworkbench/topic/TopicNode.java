package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * One level of the topic tree. Its name, path and place never change; everything that does (counts,
 * rates, last message, history) belongs to the tree's lock and is read through {@link TopicTree}, which
 * hands out consistent {@link TopicStats} copies.
 */
public final class TopicNode {

    private final String name;
    private final String topic;
    private final TopicNode parent;
    private final int depth;

    // Guarded by the tree's lock.
    private HashMap<String, TopicNode> children;
    long ownCount;
    long subtreeCount;
    int topicsBelow;
    ReceivedMessage last;
    long lastNanos;
    long subtreeLastNanos;
    boolean retained;
    RateMeter ownRate;
    final RateMeter subtreeRate = new RateMeter();
    HistoryRing history;

    private TopicNode(String name, String topic, TopicNode parent) {
        this.name = name;
        this.topic = topic;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    static TopicNode root() {
        return new TopicNode("", "", null);
    }

    /** The level's own name; an empty level (as in {@code a//b} or {@code /a}) has the empty name. */
    public String name() {
        return name;
    }

    /** The full topic of this level, such as {@code plant/line4/temperature}; the root's is empty. */
    public String topic() {
        return topic;
    }

    public TopicNode parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** 0 for the root, 1 for first levels. */
    public int depth() {
        return depth;
    }

    /** True for {@code $SYS} and the other {@code $} trees that wildcards at the start do not reach. */
    public boolean isSystem() {
        return topic.startsWith("$");
    }

    /** The subscription filter for this level and everything under it. */
    public String subtreeFilter() {
        return isRoot() ? "#" : topic + "/#";
    }

    TopicNode child(String level) {
        return children == null ? null : children.get(level);
    }

    TopicNode addChild(String level, String childTopic) {
        if (children == null) {
            children = new HashMap<>(4);
        }
        TopicNode child = new TopicNode(level, childTopic, this);
        children.put(level, child);
        return child;
    }

    int childCount() {
        return children == null ? 0 : children.size();
    }

    Collection<TopicNode> childNodes() {
        return children == null ? List.of() : children.values();
    }

    @Override
    public String toString() {
        return isRoot() ? "(root)" : topic;
    }
}
