package io.mqttworkbench.decode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Sparkplug B payloads (Eclipse Sparkplug 3.0): timestamp, sequence number and metrics with their names,
 * aliases, data types, values, properties, data sets and templates, shown as JSON. Detected only on
 * {@code spBv1.0/} topics whose bytes also parse, never by guessing on arbitrary bytes. Read with
 * protobuf-java's wire reader against the field numbers of the published {@code sparkplug_b.proto}.
 */
final class SparkplugDecoder implements PayloadDecoder {
    static final String NAMESPACE = "spBv1.0/";
    private static final Set<String> MESSAGE_TYPES = Set.of("NBIRTH", "NDEATH", "DBIRTH", "DDEATH", "NDATA", "DDATA", "NCMD", "DCMD");
    private static final int MAX_NESTING = 32;

    @Override
    public PayloadFormat format() {
        return PayloadFormat.SPARKPLUG;
    }

    /** spBv1.0/GROUP/TYPE/NODE[/DEVICE] with a protobuf message type (STATE messages are JSON). */
    @Override
    public int score(byte[] payload, String topic) {
        if (!topic.startsWith(NAMESPACE)) {
            return 0;
        }
        String[] levels = topic.split("/", -1);
        return levels.length >= 4 && MESSAGE_TYPES.contains(levels[2]) ? 95 : 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        SparkplugModel.Payload payload = readPayload(CodedInputStream.newInstance(request.payload()));
        BoundedText out = request.text();
        new SparkplugPrinter(new StructuredText(out)).print(payload);
        String type = messageType(request.topic());
        long metrics = payload.metrics().total();
        String note = (type.isEmpty() ? "" : type + ", ") + String.format(java.util.Locale.ROOT, "%,d metric%s", metrics, metrics == 1 ? "" : "s")
                + (metrics > payload.metrics().items().size()
                        ? String.format(java.util.Locale.ROOT, " (the first %,d shown)", payload.metrics().items().size()) : "")
                + ", " + Sizes.bytes(request.payload().length) + (out.firstPartOnly() ? ", showing the first part" : "");
        return Decoded.of(PayloadFormat.SPARKPLUG, out, Syntax.JSON, note);
    }

    private static String messageType(String topic) {
        String[] levels = topic.split("/", -1);
        return topic.startsWith(NAMESPACE) && levels.length >= 3 ? levels[2] : "";
    }

    static SparkplugModel.Payload readPayload(CodedInputStream in) throws IOException {
        Long timestamp = null;
        Long seq = null;
        String uuid = null;
        byte[] body = null;
        SparkplugModel.Kept<SparkplugModel.Metric> metrics = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> timestamp = varint(in, tag, "timestamp");
                case 2 -> nested(in, tag, "metric", metrics, m -> readMetric(m, 0));
                case 3 -> seq = varint(in, tag, "seq");
                case 4 -> uuid = string(in, tag, "uuid");
                case 5 -> body = bytes(in, tag, "body");
                default -> skip(in, tag); // extensions
            }
        }
        return new SparkplugModel.Payload(timestamp, seq, uuid, body, metrics);
    }

    private static SparkplugModel.Metric readMetric(CodedInputStream in, int depth) throws IOException {
        depth(depth);
        SparkplugModel.Metric.Builder m = new SparkplugModel.Metric.Builder();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case 1 -> m.name = string(in, tag, "name");
                case 2 -> m.alias = varint(in, tag, "alias");
                case 3 -> m.timestamp = varint(in, tag, "timestamp");
                case 4 -> m.datatype = (int) (long) varint(in, tag, "datatype");
                case 5 -> m.historical = varint(in, tag, "is_historical") != 0;
                case 6 -> m.transientValue = varint(in, tag, "is_transient") != 0;
                case 7 -> m.isNull = varint(in, tag, "is_null") != 0;
                case 8 -> m.metadata = nested(in, tag, "metadata", SparkplugDecoder::readMetaData);
                case 9 -> m.properties = nested(in, tag, "properties", p -> readPropertySet(p, depth + 1));
                case 10, 11, 14 -> m.value(field, varint(in, tag, "value"));
                case 12 -> m.value(field, fixed32(in, tag));
                case 13 -> m.value(field, fixed64(in, tag));
                case 15 -> m.value(field, string(in, tag, "string_value"));
                case 16 -> m.value(field, bytes(in, tag, "bytes_value"));
                case 17 -> m.value(field, nested(in, tag, "dataset_value", SparkplugDecoder::readDataSet));
                case 18 -> m.value(field, nested(in, tag, "template_value", t -> readTemplate(t, depth + 1)));
                case 19 -> m.value(field, bytes(in, tag, "extension_value"));
                default -> skip(in, tag);
            }
        }
        return m.build();
    }

    private static SparkplugModel.MetaData readMetaData(CodedInputStream in) throws IOException {
        SparkplugModel.MetaData meta = new SparkplugModel.MetaData();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> meta.put("isMultiPart", varint(in, tag, "is_multi_part") != 0);
                case 2 -> meta.put("contentType", string(in, tag, "content_type"));
                case 3 -> meta.put("size", varint(in, tag, "size"));
                case 4 -> meta.put("seq", varint(in, tag, "seq"));
                case 5 -> meta.put("fileName", string(in, tag, "file_name"));
                case 6 -> meta.put("fileType", string(in, tag, "file_type"));
                case 7 -> meta.put("md5", string(in, tag, "md5"));
                case 8 -> meta.put("description", string(in, tag, "description"));
                default -> skip(in, tag);
            }
        }
        return meta;
    }

    private static SparkplugModel.PropertySet readPropertySet(CodedInputStream in, int depth) throws IOException {
        depth(depth);
        SparkplugModel.Kept<String> keys = new SparkplugModel.Kept<>();
        SparkplugModel.Kept<SparkplugModel.PropertyValue> values = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> nested(in, tag, "keys", keys, SparkplugDecoder::text);
                case 2 -> nested(in, tag, "values", values, v -> readPropertyValue(v, depth + 1));
                default -> skip(in, tag);
            }
        }
        return new SparkplugModel.PropertySet(keys, values);
    }

    private static SparkplugModel.PropertyValue readPropertyValue(CodedInputStream in, int depth) throws IOException {
        depth(depth);
        int type = 0;
        boolean isNull = false;
        Object value = null;
        int field = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int number = WireFormat.getTagFieldNumber(tag);
            switch (number) {
                case 1 -> type = (int) (long) varint(in, tag, "type");
                case 2 -> isNull = varint(in, tag, "is_null") != 0;
                case 3, 4, 7 -> value = varint(in, tag, "value");
                case 5 -> value = fixed32(in, tag);
                case 6 -> value = fixed64(in, tag);
                case 8 -> value = string(in, tag, "string_value");
                case 9 -> value = nested(in, tag, "propertyset_value", p -> readPropertySet(p, depth + 1));
                case 10 -> value = nested(in, tag, "propertysets_value", p -> readPropertySetList(p, depth + 1));
                case 11 -> value = bytes(in, tag, "extension_value");
                default -> skip(in, tag);
            }
            if (number >= 3 && number <= 11) {
                field = number;
            }
        }
        return new SparkplugModel.PropertyValue(type, isNull, field, value);
    }

    private static SparkplugModel.Kept<SparkplugModel.PropertySet> readPropertySetList(CodedInputStream in, int depth) throws IOException {
        SparkplugModel.Kept<SparkplugModel.PropertySet> sets = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                nested(in, tag, "propertyset", sets, p -> readPropertySet(p, depth + 1));
            } else {
                skip(in, tag);
            }
        }
        return sets;
    }

    private static SparkplugModel.DataSet readDataSet(CodedInputStream in) throws IOException {
        Long columnCount = null;
        SparkplugModel.Kept<String> columns = new SparkplugModel.Kept<>();
        SparkplugModel.Kept<Integer> types = new SparkplugModel.Kept<>();
        SparkplugModel.Kept<SparkplugModel.Kept<Object>> rows = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> columnCount = varint(in, tag, "num_of_columns");
                case 2 -> nested(in, tag, "columns", columns, SparkplugDecoder::text);
                case 3 -> {
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) { // packed
                        nested(in, tag, "types", packed -> {
                            while (!packed.isAtEnd()) {
                                types.add(packed.readUInt32());
                            }
                            return types;
                        });
                    } else {
                        types.add((int) (long) varint(in, tag, "types"));
                    }
                }
                case 4 -> nested(in, tag, "rows", rows, SparkplugDecoder::readRow);
                default -> skip(in, tag);
            }
        }
        return new SparkplugModel.DataSet(columnCount, columns, types, rows);
    }

    private static SparkplugModel.Kept<Object> readRow(CodedInputStream in) throws IOException {
        SparkplugModel.Kept<Object> cells = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) != 1) {
                skip(in, tag);
                continue;
            }
            nested(in, tag, "elements", cells, SparkplugDecoder::readCell);
        }
        return cells;
    }

    /** A data set cell; null when it holds no value (the Kept list then still counts it). */
    private static Object readCell(CodedInputStream cell) throws IOException {
        Object value = null;
        while (!cell.isAtEnd()) {
            int t = cell.readTag();
            switch (WireFormat.getTagFieldNumber(t)) {
                case 1, 2 -> value = varint(cell, t, "value");
                case 3 -> value = fixed32(cell, t);
                case 4 -> value = fixed64(cell, t);
                case 5 -> value = varint(cell, t, "boolean_value") != 0;
                case 6 -> value = string(cell, t, "string_value");
                default -> skip(cell, t);
            }
        }
        return value;
    }

    private static SparkplugModel.Template readTemplate(CodedInputStream in, int depth) throws IOException {
        depth(depth);
        String version = null;
        String ref = null;
        Boolean definition = null;
        SparkplugModel.Kept<SparkplugModel.Metric> metrics = new SparkplugModel.Kept<>();
        SparkplugModel.Kept<SparkplugModel.Parameter> parameters = new SparkplugModel.Kept<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = string(in, tag, "version");
                case 2 -> nested(in, tag, "metrics", metrics, m -> readMetric(m, depth + 1));
                case 3 -> nested(in, tag, "parameters", parameters, SparkplugDecoder::readParameter);
                case 4 -> ref = string(in, tag, "template_ref");
                case 5 -> definition = varint(in, tag, "is_definition") != 0;
                default -> skip(in, tag);
            }
        }
        return new SparkplugModel.Template(version, ref, definition, metrics, parameters);
    }

    private static SparkplugModel.Parameter readParameter(CodedInputStream in) throws IOException {
        String name = null;
        int type = 0;
        Object value = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(in, tag, "name");
                case 2 -> type = (int) (long) varint(in, tag, "type");
                case 3, 4, 7 -> value = varint(in, tag, "value");
                case 5 -> value = fixed32(in, tag);
                case 6 -> value = fixed64(in, tag);
                case 8 -> value = string(in, tag, "string_value");
                default -> skip(in, tag);
            }
        }
        return new SparkplugModel.Parameter(name, type, value);
    }

    // ---- wire helpers: each checks the wire type the schema expects ----

    private static void depth(int depth) throws IOException {
        if (depth > MAX_NESTING) {
            throw new IOException("templates or property sets nested more than " + MAX_NESTING + " levels deep");
        }
    }

    private static void expect(int tag, int wireType, String field) throws IOException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new IOException("field " + field + " (" + WireFormat.getTagFieldNumber(tag) + ") has wire type "
                    + WireFormat.getTagWireType(tag) + ", not " + wireType + ": not a Sparkplug B payload");
        }
    }

    private static Long varint(CodedInputStream in, int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_VARINT, field);
        return in.readRawVarint64();
    }

    private static Float fixed32(CodedInputStream in, int tag) throws IOException {
        expect(tag, WireFormat.WIRETYPE_FIXED32, "float_value");
        return in.readFloat();
    }

    private static Double fixed64(CodedInputStream in, int tag) throws IOException {
        expect(tag, WireFormat.WIRETYPE_FIXED64, "double_value");
        return in.readDouble();
    }

    private static String string(CodedInputStream in, int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        return in.readStringRequireUtf8();
    }

    private static byte[] bytes(CodedInputStream in, int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        return in.readByteArray();
    }

    /** How a length-delimited field's content is read, with the input limited to it. */
    private interface Reader<T> {
        T read(CodedInputStream in) throws IOException;
    }

    /**
     * Reads a length-delimited field in place (no copy; a length longer than what is left fails before
     * anything is allocated). The reader reads up to the field's end.
     */
    private static <T> T nested(CodedInputStream in, int tag, String field, Reader<T> reader) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        int outer = in.pushLimit(in.readRawVarint32());
        T value = reader.read(in);
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(outer);
        return value;
    }

    /** A string field's content, read in place. */
    private static String text(CodedInputStream in) throws IOException {
        byte[] bytes = in.readRawBytes(in.getBytesUntilLimit());
        if (!Utf8.isValid(bytes)) {
            throw new IOException("a string that is not UTF-8: not a Sparkplug B payload");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An item of a repeated field: read while the list has room, counted and skipped after. */
    private static <T> void nested(CodedInputStream in, int tag, String field, SparkplugModel.Kept<T> into, Reader<T> reader) throws IOException {
        if (into.room()) {
            into.add(nested(in, tag, field, reader));
        } else {
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
            in.skipRawBytes(in.readRawVarint32());
            into.skipped();
        }
    }

    private static void skip(CodedInputStream in, int tag) throws IOException {
        int wireType = WireFormat.getTagWireType(tag);
        if (WireFormat.getTagFieldNumber(tag) == 0 || wireType == WireFormat.WIRETYPE_START_GROUP || wireType > WireFormat.WIRETYPE_FIXED32) {
            throw new IOException("unexpected field " + WireFormat.getTagFieldNumber(tag) + " (wire type " + wireType + "): not a Sparkplug B payload");
        }
        in.skipField(tag);
    }

    static String isoTime(long millis) {
        return millis >= -62_135_596_800_000L && millis <= 253_402_300_799_999L ? Instant.ofEpochMilli(millis).toString() : "";
    }
}
