package io.mqttworkbench.sparkplug;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes replayed Sparkplug B traffic look live to a host: each edge node's seq is numbered again from its
 * NBIRTH (0, 1, 2 … 255, 0 …) in the order the messages are sent, so a filtered or looped replay has no
 * gaps, and every timestamp (the payload's and each metric's) moves forward by the time between the
 * recording and the send. The rest of each payload is copied byte for byte, so nothing the encoder does not
 * know (templates, data sets, extensions) is lost. One instance per replay run; not thread-safe.
 */
public final class SparkplugRenumbering {
    private final Map<String, Integer> seqByNode = new HashMap<>();

    /**
     * The payload to send on {@code topic} (the topic as sent, after mapping), or the same bytes when the topic
     * is not a Sparkplug edge message or the payload does not parse (then it goes out as recorded).
     *
     * @param shiftMillis how much later than recorded the message is sent
     */
    public byte[] rewrite(String topic, byte[] payload, long shiftMillis) {
        Optional<SparkplugTopic> parsed = SparkplugTopic.parse(topic);
        if (parsed.isEmpty() || !(parsed.get() instanceof SparkplugTopic.Edge edge)) {
            return payload;
        }
        Long seq = null;
        if (edge.type().carriesSeq()) {
            String node = edge.group() + "/" + edge.node();
            int next = edge.type() == MessageType.NBIRTH ? 0 : (seqByNode.getOrDefault(node, -1) + 1) % 256;
            seqByNode.put(node, next);
            seq = (long) next;
        }
        try {
            return rewritePayload(payload, seq, shiftMillis);
        } catch (IOException | RuntimeException e) {
            return payload;
        }
    }

    private static byte[] rewritePayload(byte[] payload, Long seq, long shift) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(payload);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 8);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        boolean seqWritten = false;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int type = WireFormat.getTagWireType(tag);
            if (field == 1 && type == WireFormat.WIRETYPE_VARINT) {
                out.writeUInt64(1, in.readUInt64() + shift);
            } else if (field == 2 && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                out.writeByteArray(2, rewriteMetric(in.readByteArray(), shift));
            } else if (field == 3 && type == WireFormat.WIRETYPE_VARINT) {
                long recorded = in.readUInt64();
                out.writeUInt64(3, seq != null ? seq : recorded);
                seqWritten = true;
            } else {
                in.skipField(tag, out); // copied as it was
            }
        }
        if (seq != null && !seqWritten) {
            out.writeUInt64(3, seq);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] rewriteMetric(byte[] metric, long shift) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(metric);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(metric.length + 4);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 3 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                out.writeUInt64(3, in.readUInt64() + shift);
            } else {
                in.skipField(tag, out);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }
}
