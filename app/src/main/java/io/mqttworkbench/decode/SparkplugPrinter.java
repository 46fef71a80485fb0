package io.mqttworkbench.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link SparkplugModel.Payload} as JSON: values by their data type (signed or unsigned,
 * DateTime with its ISO time, arrays unpacked from their little-endian bytes), types by name.
 */
final class SparkplugPrinter {
    private final StructuredText json;

    SparkplugPrinter(StructuredText json) {
        this.json = json;
    }

    void print(SparkplugModel.Payload p) {
        json.beginObject();
        if (p.timestamp() != null) {
            timestamp("timestamp", p.timestamp());
        }
        if (p.seq() != null) {
            json.name("seq");
            json.literal(Long.toUnsignedString(p.seq()));
        }
        if (p.uuid() != null) {
            json.name("uuid");
            json.string(p.uuid());
        }
        json.name("metrics");
        metrics(p.metrics());
        if (p.body() != null) {
            json.name("body");
            json.string(base64(p.body()));
        }
        json.end();
    }

    private void metrics(SparkplugModel.Kept<SparkplugModel.Metric> metrics) {
        json.beginArray();
        for (SparkplugModel.Metric m : metrics.items()) {
            if (json.full()) {
                break;
            }
            metric(m);
        }
        json.end("metrics", metrics.total());
    }

    private void metric(SparkplugModel.Metric m) {
        json.beginObject();
        if (m.name() != null) {
            json.name("name");
            json.string(m.name());
        }
        if (m.alias() != null) {
            json.name("alias");
            json.literal(Long.toUnsignedString(m.alias()));
        }
        if (m.timestamp() != null) {
            timestamp("timestamp", m.timestamp());
        }
        json.name("datatype");
        json.string(SparkplugModel.typeName(m.datatype()));
        json.name("value");
        if (m.isNull() || m.valueField() == 0) {
            json.literal("null");
        } else {
            value(m.datatype(), m.value());
        }
        if (m.historical()) {
            json.name("isHistorical");
            json.literal("true");
        }
        if (m.transientValue()) {
            json.name("isTransient");
            json.literal("true");
        }
        if (m.isNull()) {
            json.name("isNull");
            json.literal("true");
        }
        if (m.metadata() != null) {
            json.name("metadata");
            json.beginObject();
            for (Map.Entry<String, Object> e : m.metadata().entrySet()) {
                json.name(e.getKey());
                plain(e.getValue());
            }
            json.end();
        }
        if (m.properties() != null) {
            json.name("properties");
            propertySet(m.properties());
        }
        json.end();
    }

    /** One value as {@link #print} writes it inside a payload. */
    void printValue(int type, Object value) {
        value(type, value);
    }

    /** A value as its data type says: the wire only knows uint32, uint64, float, double, bool, string and bytes. */
    private void value(int type, Object value) {
        String name = SparkplugModel.typeName(type);
        switch (value) {
            case Long v when name.equals("Int8") -> json.literal(Byte.toString((byte) (long) v));
            case Long v when name.equals("Int16") -> json.literal(Short.toString((short) (long) v));
            case Long v when name.equals("Int32") -> json.literal(Integer.toString((int) (long) v));
            case Long v when name.equals("UInt8") || name.equals("UInt16") || name.equals("UInt32") -> json.literal(Long.toString(v & 0xFFFFFFFFL));
            case Long v when name.equals("UInt64") -> json.literal(Long.toUnsignedString(v));
            case Long v when name.equals("Boolean") -> json.literal(Boolean.toString(v != 0));
            case Long v when name.equals("DateTime") -> dateTime(v);
            case Long v -> json.literal(Long.toString(v));
            case Float v -> json.number(v);
            case Double v -> json.number(v);
            case String v -> json.string(v);
            case byte[] v -> bytes(name, v);
            case SparkplugModel.DataSet v -> dataSet(v);
            case SparkplugModel.Template v -> template(v);
            case SparkplugModel.PropertySet v -> propertySet(v);
            case SparkplugModel.Kept<?> v -> {
                json.beginArray();
                v.items().forEach(set -> propertySet((SparkplugModel.PropertySet) set));
                json.end("property sets", v.total());
            }
            default -> json.literal("null");
        }
    }

    private void dateTime(long millis) {
        String iso = SparkplugDecoder.isoTime(millis);
        if (iso.isEmpty()) {
            json.literal(Long.toString(millis));
        } else {
            json.string(iso);
        }
    }

    private void timestamp(String name, long millis) {
        json.name(name);
        json.literal(Long.toString(millis));
        String iso = SparkplugDecoder.isoTime(millis);
        if (!iso.isEmpty()) {
            json.name(name + "Iso");
            json.string(iso);
        }
    }

    /** Sparkplug 3.0 arrays travel as packed little-endian bytes; Bytes and File stay Base64. */
    private void bytes(String type, byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN);
        int size = switch (type) {
            case "Int8Array", "UInt8Array" -> 1;
            case "Int16Array", "UInt16Array" -> 2;
            case "Int32Array", "UInt32Array", "FloatArray" -> 4;
            case "Int64Array", "UInt64Array", "DoubleArray", "DateTimeArray" -> 8;
            default -> 0;
        };
        if (size > 0 && v.length % size == 0) {
            json.beginArray();
            for (int i = 0; b.remaining() >= size && i < StructuredText.MAX_ENTRIES && !json.full(); i++) {
                switch (type) {
                    case "Int8Array" -> json.literal(Byte.toString(b.get()));
                    case "UInt8Array" -> json.literal(Integer.toString(b.get() & 0xFF));
                    case "Int16Array" -> json.literal(Short.toString(b.getShort()));
                    case "UInt16Array" -> json.literal(Integer.toString(b.getShort() & 0xFFFF));
                    case "Int32Array" -> json.literal(Integer.toString(b.getInt()));
                    case "UInt32Array" -> json.literal(Integer.toUnsignedString(b.getInt()));
                    case "FloatArray" -> json.number(b.getFloat());
                    case "Int64Array" -> json.literal(Long.toString(b.getLong()));
                    case "UInt64Array" -> json.literal(Long.toUnsignedString(b.getLong()));
                    case "DoubleArray" -> json.number(b.getDouble());
                    default -> dateTime(b.getLong());
                }
            }
            json.end("values", v.length / size);
        } else if (type.equals("BooleanArray") && v.length >= 4) {
            long count = Math.min(Integer.toUnsignedLong(b.getInt()), 8L * (v.length - 4));
            json.beginArray();
            for (long i = 0; i < count && i < StructuredText.MAX_ENTRIES && !json.full(); i++) {
                json.literal(Boolean.toString((v[(int) (4 + i / 8)] & (0x80 >> (i % 8))) != 0));
            }
            json.end("values", count);
        } else if (type.equals("StringArray")) {
            json.beginArray();
            int start = 0;
            long count = 0;
            for (int i = 0; i < v.length && !json.full(); i++) {
                if (v[i] == 0) {
                    if (count++ < StructuredText.MAX_ENTRIES) {
                        json.string(new String(v, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            json.end("values", count);
        } else {
            json.string(base64(v));
        }
    }

    private void dataSet(SparkplugModel.DataSet d) {
        json.beginObject();
        json.name("columns");
        json.beginArray();
        d.columns().items().forEach(json::string);
        json.end("columns", d.columns().total());
        json.name("types");
        json.beginArray();
        d.types().items().forEach(t -> json.string(SparkplugModel.typeName(t)));
        json.end("types", d.types().total());
        json.name("rows");
        json.beginArray();
        List<Integer> types = d.types().items();
        for (SparkplugModel.Kept<Object> row : d.rows().items()) {
            if (json.full()) {
                break;
            }
            json.beginArray();
            List<Object> cells = row.items();
            for (int i = 0; i < cells.size() && !json.full(); i++) {
                Object cell = cells.get(i);
                if (cell == null) {
                    json.literal("null");
                } else {
                    value(i < types.size() ? types.get(i) : 0, cell);
                }
            }
            json.end("cells", row.total());
        }
        json.end("rows", d.rows().total());
        json.end();
    }

    private void template(SparkplugModel.Template t) {
        json.beginObject();
        if (t.version() != null) {
            json.name("version");
            json.string(t.version());
        }
        if (t.templateRef() != null) {
            json.name("templateRef");
            json.string(t.templateRef());
        }
        if (t.isDefinition() != null) {
            json.name("isDefinition");
            json.literal(t.isDefinition().toString());
        }
        if (t.parameters().total() > 0) {
            json.name("parameters");
            json.beginArray();
            for (SparkplugModel.Parameter p : t.parameters().items()) {
                json.beginObject();
                json.name("name");
                json.string(p.name() == null ? "" : p.name());
                json.name("type");
                json.string(SparkplugModel.typeName(p.type()));
                json.name("value");
                if (p.value() == null) {
                    json.literal("null");
                } else {
                    value(p.type(), p.value());
                }
                json.end();
            }
            json.end("parameters", t.parameters().total());
        }
        json.name("metrics");
        metrics(t.metrics());
        json.end();
    }

    private void propertySet(SparkplugModel.PropertySet set) {
        json.beginObject();
        List<String> keys = set.keys().items();
        List<SparkplugModel.PropertyValue> values = set.values().items();
        for (int i = 0; i < keys.size() && !json.full(); i++) {
            json.name(keys.get(i));
            SparkplugModel.PropertyValue v = i < values.size() ? values.get(i) : null;
            if (v == null || v.isNull() || v.value() == null) {
                json.literal("null");
            } else {
                json.beginObject();
                json.name("type");
                json.string(SparkplugModel.typeName(v.type()));
                json.name("value");
                value(v.type(), v.value());
                json.end();
            }
        }
        json.end("properties", set.keys().total());
    }

    private void plain(Object value) {
        switch (value) {
            case Boolean b -> json.literal(b.toString());
            case Long l -> json.literal(Long.toUnsignedString(l));
            default -> json.string(String.valueOf(value));
        }
    }

    private static String base64(byte[] bytes) {
        return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
}
