package io.mqttworkbench.decode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** A Sparkplug B payload as read from the wire, before it is printed. Values keep their wire form. */
final class SparkplugModel {
    private SparkplugModel() {
    }

    /** Sparkplug data type names by number (Sparkplug 3.0, section 6.4.16), arrays included. */
    static final List<String> DATA_TYPES = List.of("Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
            "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet", "Bytes", "File", "Template", "PropertySet",
            "PropertySetList", "Int8Array", "Int16Array", "Int32Array", "Int64Array", "UInt8Array", "UInt16Array", "UInt32Array",
            "UInt64Array", "FloatArray", "DoubleArray", "BooleanArray", "StringArray", "DateTimeArray");

    static String typeName(int type) {
        return type >= 0 && type < DATA_TYPES.size() ? DATA_TYPES.get(type) : "Type" + type;
    }

    /**
     * A repeated field: its first {@link StructuredText#MAX_ENTRIES} items, and how many there were. Two
     * bytes make a metric (and a data set row, or a property set), so sixteen million of them fit in a
     * 32 MB payload: the rest are counted, never built.
     */
    static final class Kept<T> {
        private final List<T> items = new ArrayList<>();
        private long total;

        boolean room() {
            return items.size() < StructuredText.MAX_ENTRIES;
        }

        void add(T item) {
            total++;
            if (room()) {
                items.add(item);
            }
        }

        /** One more that is not kept. */
        void skipped() {
            total++;
        }

        List<T> items() {
            return items;
        }

        long total() {
            return total;
        }
    }

    record Payload(Long timestamp, Long seq, String uuid, byte[] body, Kept<Metric> metrics) {
    }

    /** @param valueField the wire field the value came in (10 int_value … 19 extension_value), 0 for none */
    record Metric(String name, Long alias, Long timestamp, int datatype, boolean historical, boolean transientValue, boolean isNull,
                  MetaData metadata, PropertySet properties, int valueField, Object value) {

        static final class Builder {
            String name;
            Long alias;
            Long timestamp;
            int datatype;
            boolean historical;
            boolean transientValue;
            boolean isNull;
            MetaData metadata;
            PropertySet properties;
            int valueField;
            Object value;

            void value(int field, Object v) {
                valueField = field;
                value = v;
            }

            Metric build() {
                return new Metric(name, alias, timestamp, datatype, historical, transientValue, isNull, metadata, properties, valueField, value);
            }
        }
    }

    /** Metadata fields in wire order, by their JSON names. */
    static final class MetaData extends LinkedHashMap<String, Object> {
    }

    record PropertySet(Kept<String> keys, Kept<PropertyValue> values) {
    }

    record PropertyValue(int type, boolean isNull, int valueField, Object value) {
    }

    record DataSet(Long columnCount, Kept<String> columns, Kept<Integer> types, Kept<Kept<Object>> rows) {
    }

    record Template(String version, String templateRef, Boolean isDefinition, Kept<Metric> metrics, Kept<Parameter> parameters) {
    }

    record Parameter(String name, int type, Object value) {
    }
}
