package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.ReceivedMessage;

/**
 * A node's figures at one moment, copied under the tree's lock.
 *
 * @param ownCount messages on exactly this topic
 * @param subtreeCount messages on this topic and every topic below it
 * @param topicsBelow distinct topics with messages at or below this level
 * @param last the last message on exactly this topic, or null
 * @param lastNanos when {@code last} arrived ({@link System#nanoTime()}), 0 without one
 * @param subtreeLastNanos when anything at or below arrived
 * @param retained whether the broker holds a retained message on this topic, as far as this client saw
 */
public record TopicStats(TopicNode node, long ownCount, long subtreeCount, int topicsBelow, double ownRate, double subtreeRate,
                         ReceivedMessage last, long lastNanos, long subtreeLastNanos, boolean retained, int childCount) {

    public boolean hasMessage() {
        return last != null;
    }
}
