package io.mqttworkbench.decode;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparkplug B payloads read for the state of a plant rather than for display: each metric with its value
 * as text (as the decoder prints it) and as a number where it is one, templates expanded into their
 * members ({@code Motor/Speed}) and data sets into their cells ({@code Recipes[0]/temperature}). The same wire
 * reader as {@link SparkplugDecoder}.
 */
public final class SparkplugPayloads {
    /** Longer values (big arrays) are cut here: a state table shows values, not documents. */
    private static final int VALUE_TEXT_LIMIT = 2_000;
    /** Data set cells expanded into members at most; the rest are counted in the data set's own value. */
    private static final int MAX_CELLS = 10_000;

    private SparkplugPayloads() {
    }

    /**
     * @param metricCount how many metrics the payload holds (templates count once); {@code metrics} keeps
     *                    the first 100,000 and their template members
     */
    public record Payload(Long timestamp, Long seq, List<Metric> metrics, long metricCount) {
    }

    /**
     * @param datatype   the Sparkplug data type number (Int32 is 3, Double 10, Boolean 11, String 12…)
     * @param valueText  the value as JSON prints it ({@code 23.5}, {@code true}, {@code "run"}), or {@code null}
     * @param number     the value as a number for charts, or {@code null} when it is not one
     * @param properties property set entries by key, values as text ({@code engUnit → "°C"})
     */
    public record Metric(String name, Long alias, Long timestamp, int datatype, String valueText, Double number, boolean isNull,
                         boolean historical, boolean transientValue, Map<String, String> properties) {

        public String typeName() {
            return SparkplugModel.typeName(datatype);
        }
    }

    /** Reads a Sparkplug B payload; a malformed one throws with what was wrong. */
    public static Payload read(byte[] bytes) throws IOException {
        SparkplugModel.Payload p = SparkplugDecoder.readPayload(CodedInputStream.newInstance(bytes));
        List<Metric> metrics = new ArrayList<>();
        for (SparkplugModel.Metric m : p.metrics().items()) {
            add(metrics, m, null);
        }
        return new Payload(p.timestamp(), p.seq(), List.copyOf(metrics), p.metrics().total());
    }

    /** The name of a Sparkplug data type number: {@code Int32}, {@code Template}… */
    public static String typeName(int datatype) {
        return SparkplugModel.typeName(datatype);
    }

    /** The number of a data type name (any case), or -1. */
    public static int typeNumber(String name) {
        for (int i = 0; i < SparkplugModel.DATA_TYPES.size(); i++) {
            if (SparkplugModel.DATA_TYPES.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<Metric> into, SparkplugModel.Metric m, String parent) {
        String name = parent == null ? m.name() : parent + "/" + (m.name() == null ? "" : m.name());
        boolean none = m.isNull() || m.valueField() == 0;
        String text = none ? null : m.value() instanceof SparkplugModel.DataSet set
                ? set.rows().total() + " row" + (set.rows().total() == 1 ? "" : "s") + " × " + set.columns().total() + " column"
                + (set.columns().total() == 1 ? "" : "s") : text(m.datatype(), m.value());
        into.add(new Metric(name, m.alias(), m.timestamp(), m.datatype(), text,
                none ? null : number(m.datatype(), m.value()), m.isNull(), m.historical(), m.transientValue(), properties(m.properties())));
        if (!none && m.value() instanceof SparkplugModel.DataSet set) {
            cells(into, name == null ? "" : name, m.timestamp(), set);
        }
        if (!none && m.value() instanceof SparkplugModel.Template template && template.metrics().total() > 0) {
            for (SparkplugModel.Metric member : template.metrics().items()) {
                add(into, member, name == null ? "" : name);
            }
        }
    }

    /** Each cell as a member: {@code Recipes[0]/temperature}, typed by its column. */
    private static void cells(List<Metric> into, String name, Long timestamp, SparkplugModel.DataSet set) {
        List<String> columns = set.columns().items();
        List<Integer> types = set.types().items();
        int added = 0;
        List<SparkplugModel.Kept<Object>> rows = set.rows().items();
        for (int r = 0; r < rows.size() && added < MAX_CELLS; r++) {
            List<Object> cells = rows.get(r).items();
            for (int c = 0; c < cells.size() && added < MAX_CELLS; c++, added++) {
                int type = c < types.size() ? types.get(c) : 0;
                Object cell = cells.get(c);
                String column = c < columns.size() ? columns.get(c) : "column " + c;
                String text = cell == null ? null : cell instanceof Boolean b ? b.toString() : text(type, cell);
                Double number = cell == null ? null : cell instanceof Boolean b ? Double.valueOf(b ? 1 : 0) : number(type, cell);
                into.add(new Metric(name + "[" + r + "]/" + column, null, timestamp, type, text, number, cell == null, false, false, Map.of()));
            }
        }
    }

    private static Map<String, String> properties(SparkplugModel.PropertySet set) {
        if (set == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> keys = set.keys().items();
        List<SparkplugModel.PropertyValue> values = set.values().items();
        for (int i = 0; i < keys.size(); i++) {
            SparkplugModel.PropertyValue v = i < values.size() ? values.get(i) : null;
            out.put(keys.get(i), v == null || v.isNull() || v.value() == null ? "null" : unquoted(text(v.type(), v.value())));
        }
        return out;
    }

    private static String text(int type, Object value) {
        BoundedText out = new BoundedText(new DecodeRequest.Window(0, VALUE_TEXT_LIMIT, false, VALUE_TEXT_LIMIT,
                System.nanoTime() + Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(1)));
        new SparkplugPrinter(new StructuredText(out)).printValue(type, value);
        String text = out.toString().replaceAll("\\s*\\n\\s*", " ");
        return out.full() ? text + "…" : text;
    }

    /** A value's JSON text as a person reads it: a string without its quotes. */
    public static String unquoted(String json) {
        return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }

    /** Numbers and booleans (as 0/1) chart; the rest do not. */
    private static Double number(int type, Object value) {
        String name = SparkplugModel.typeName(type);
        return switch (value) {
            case Long v when name.equals("Boolean") -> v != 0 ? 1.0 : 0.0;
            case Long v when name.equals("DateTime") -> null;
            case Long v when name.equals("Int8") -> (double) (byte) (long) v;
            case Long v when name.equals("Int16") -> (double) (short) (long) v;
            case Long v when name.equals("Int32") -> (double) (int) (long) v;
            case Long v when name.startsWith("UInt") && !name.equals("UInt64") -> (double) (v & 0xFFFFFFFFL);
            case Long v when name.equals("UInt64") -> Double.parseDouble(Long.toUnsignedString(v));
            case Long v when name.startsWith("Int") -> (double) v;
            case Float v -> (double) v;
            case Double v -> v;
            default -> null;
        };
    }
}
