package io.mqttworkbench.sparkplug;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.List;

/**
 * Something in a node's traffic that breaks Sparkplug's rules, with the messages that show it.
 *
 * @param device   the device concerned, or {@code null} for the node itself
 * @param problem  what exactly was seen, with its values ({@link #detail()} says it in English)
 * @param messages the messages involved, oldest first (for a gap: the last before it and the first after)
 */
public record SparkplugFlag(Kind kind, String group, String node, String device, FlagDetail problem, long atMillis, List<ReceivedMessage> messages) {

    public enum Kind {
        /** seq skipped values: messages were lost or reordered. */
        SEQ_GAP,
        /** seq repeated: a duplicate, or the node restarted its count without a birth. */
        SEQ_REPEAT,
        /** NDEATH's bdSeq is not the one of the NBIRTH it should end. */
        BDSEQ_MISMATCH,
        /** Data from a device (or node) that has no birth in force. */
        DATA_BEFORE_BIRTH,
        /** A metric alias (or name) that the last birth did not declare. */
        UNKNOWN_METRIC,
        /** A payload that is not Sparkplug B protobuf. */
        MALFORMED
    }

    public SparkplugFlag {
        messages = List.copyOf(messages);
    }

    /** What was seen, in English, as the command line prints it. */
    public String detail() {
        return problem.message();
    }

    /** {@code group/node} or {@code group/node/device}. */
    public String where() {
        return group + "/" + node + (device == null ? "" : "/" + device);
    }
}
