package io.mqttworkbench.decode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.WireFormat;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.util.Locale;

/**
 * A Protobuf payload read with its schema and printed as JSON, within bounds. protobuf-java builds the
 * whole message before printing it, about 250 bytes of objects per two-byte element (half a million cost 0.3 s and 270 MB): 32 MB of empty
 * repeated messages took 8 s and 7.8 GB. So the elements are counted first, by walking the wire format
 * with the schema (nothing is built); a message with more than {@link #MAX_ELEMENTS} is not built, and
 * the caller shows the wire format instead. Printing stops at the output's limit.
 */
final class ProtobufSchemaView {
    static final int MAX_ELEMENTS = 500_000;
    /** protobuf-java's own limit on nesting, which parsing enforces as well. */
    private static final int MAX_NESTING = 100;

    private ProtobufSchemaView() {
    }

    /** How many values parsing would make, at most a little more than {@code limit} (counting stops there); 0 when the bytes do not parse. */
    static long elements(Descriptors.Descriptor type, byte[] payload, long limit) {
        long[] count = {0};
        try {
            count(type, CodedInputStream.newInstance(payload), 0, count, limit);
        } catch (IOException | RuntimeException e) {
            return 0; // parsing says what is wrong
        }
        return count[0];
    }

    private static void count(Descriptors.Descriptor type, CodedInputStream in, int depth, long[] count, long limit) throws IOException {
        while (!in.isAtEnd() && count[0] <= limit) {
            int tag = in.readTag();
            Descriptors.FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            count[0]++;
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                in.skipField(tag);
                continue;
            }
            int length = in.readRawVarint32();
            if (field != null && field.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE && depth < MAX_NESTING) {
                int outer = in.pushLimit(length);
                count(field.getMessageType(), in, depth + 1, count, limit);
                in.skipRawBytes(in.getBytesUntilLimit());
                in.popLimit(outer);
            } else {
                if (field != null && field.isPackable()) {
                    count[0] += switch (field.getType()) {
                        case FLOAT, FIXED32, SFIXED32 -> length / 4;
                        case DOUBLE, FIXED64, SFIXED64 -> length / 8;
                        default -> length; // varints: at most one per byte
                    };
                }
                in.skipRawBytes(length);
            }
        }
    }

    /** The message as JSON, or null when it has too many elements to build ({@code why} then says how many). */
    static Decoded decode(DecodeRequest request, ProtoSchemas.Mapping schema, StringBuilder why) throws IOException {
        byte[] payload = request.payload();
        long elements = elements(schema.descriptor(), payload, MAX_ELEMENTS);
        if (elements > MAX_ELEMENTS) {
            why.append(String.format(Locale.ROOT, "more than %,d values, too many to read with %s: shown as wire format", MAX_ELEMENTS,
                    schema.messageName()));
            return null;
        }
        DynamicMessage message = DynamicMessage.parseFrom(schema.descriptor(), payload);
        BoundedText out = request.text();
        try {
            JsonFormat.printer().preservingProtoFieldNames().appendTo(message, new Sink(out));
        } catch (Sink.Full full) {
            // the output's limit: the rest is not printed
        }
        String note = Sizes.bytes(payload.length) + ", " + schema.messageName() + " from " + schema.file().getFileName()
                + (message.getUnknownFields().asMap().isEmpty() ? "" : "; fields unknown to the schema are left out")
                + (out.firstPartOnly() ? ", showing the first part" : "");
        return Decoded.of(PayloadFormat.PROTOBUF, out, Syntax.JSON, note);
    }

    /** Lets the printer write into the bounded text, and stops it (by throwing) once that is full. */
    private record Sink(BoundedText out) implements Appendable {
        private static final class Full extends IOException {
            Full() {
                super("full");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this; // thrown once, to stop the printer: no trace needed
            }
        }

        @Override
        public Appendable append(CharSequence s) throws IOException {
            out.append(s);
            return check();
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) throws IOException {
            out.append(s.subSequence(start, end));
            return check();
        }

        @Override
        public Appendable append(char c) throws IOException {
            out.append(c);
            return check();
        }

        private Appendable check() throws Full {
            if (out.full()) {
                throw new Full();
            }
            return this;
        }
    }
}
