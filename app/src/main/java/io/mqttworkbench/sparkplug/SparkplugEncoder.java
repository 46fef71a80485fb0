package io.mqttworkbench.sparkplug;

import com.google.protobuf.CodedOutputStream;
import io.mqttworkbench.decode.SparkplugPayloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Writes Sparkplug B payloads (commands, the composer's, simulated edge nodes in tests) with the field
 * numbers of the published {@code sparkplug_b.proto} that {@link SparkplugPayloads} reads: payload
 * timestamp 1, metrics 2, seq 3; metric name 1, alias 2, timestamp 3, datatype 4, is_null 7, and the value in
 * int_value 10, long_value 11, float_value 12, double_value 13, boolean_value 14, string_value 15 or bytes_value 16.
 */
public final class SparkplugEncoder {

    private SparkplugEncoder() {
    }

    /**
     * A metric to write.
     *
     * @param name     its name, or null when only the alias is sent (data after a birth)
     * @param alias    its alias, or null
     * @param datatype a Sparkplug data type name: Int8…Int64, UInt8…UInt64, Float, Double, Boolean, String, Text,
     *                 UUID, DateTime, Bytes
     * @param value    a Number, Boolean, String (parsed for numeric types) or byte[]; null writes is_null
     */
    public record Metric(String name, Long alias, String datatype, Object value, Long timestamp) {

        public Metric {
            if (name == null && alias == null) {
                throw new EncodeProblem.Refused(new EncodeProblem(EncodeProblem.Why.NO_NAME, "", String.valueOf(datatype), ""), null);
            }
            if (SparkplugPayloads.typeNumber(datatype) < 1) {
                throw new EncodeProblem.Refused(new EncodeProblem(EncodeProblem.Why.UNKNOWN_TYPE, name != null ? name : "alias " + alias,
                        String.valueOf(datatype), ""), null);
            }
        }

        public static Metric of(String name, String datatype, Object value) {
            return new Metric(name, null, datatype, value, null);
        }
    }

    /** A payload with these metrics; {@code timestamp} and {@code seq} are left out when null. */
    public static byte[] encode(Long timestamp, Long seq, List<Metric> metrics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            if (timestamp != null) {
                out.writeUInt64(1, timestamp);
            }
            for (Metric m : metrics) {
                out.writeByteArray(2, metric(m));
            }
            if (seq != null) {
                out.writeUInt64(3, seq);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    private static byte[] metric(Metric m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        if (m.name() != null) {
            out.writeString(1, m.name());
        }
        if (m.alias() != null) {
            out.writeUInt64(2, m.alias());
        }
        if (m.timestamp() != null) {
            out.writeUInt64(3, m.timestamp());
        }
        int type = SparkplugPayloads.typeNumber(m.datatype());
        String name = SparkplugPayloads.typeName(type);
        out.writeUInt32(4, type);
        if (m.value() == null) {
            out.writeBool(7, true);
        } else {
            value(out, name, m.value(), m.name() != null ? m.name() : "alias " + m.alias());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void value(CodedOutputStream out, String type, Object value, String metric) throws IOException {
        try {
            switch (type) {
                case "Int8", "Int16", "Int32" -> out.writeUInt32(10, (int) inRange(integer(value), type));
                case "UInt8", "UInt16", "UInt32" -> out.writeUInt32(10, (int) inRange(integer(value), type));
                case "Int64", "DateTime" -> out.writeUInt64(11, integer(value).longValueExact());
                case "UInt64" -> out.writeUInt64(11, inRange(integer(value), type));
                case "Float" -> out.writeFloat(12, number(value).floatValue());
                case "Double" -> out.writeDouble(13, number(value).doubleValue());
                case "Boolean" -> out.writeBool(14, bool(value));
                case "String", "Text", "UUID" -> out.writeString(15, String.valueOf(value));
                case "Bytes", "File" -> out.writeByteArray(16, value instanceof byte[] b ? b : String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> throw new EncodeProblem.Refused(new EncodeProblem(EncodeProblem.Why.NOT_SUPPORTED, metric, type, ""), null);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new EncodeProblem.Refused(new EncodeProblem(EncodeProblem.Why.NOT_VALID, metric, type, String.valueOf(value)), e);
        }
    }

    private static BigDecimal number(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(value).trim());
    }

    private static java.math.BigInteger integer(Object value) {
        return number(value).toBigIntegerExact();
    }

    private static long inRange(java.math.BigInteger v, String type) {
        java.math.BigInteger min;
        java.math.BigInteger max;
        switch (type) {
            case "Int8" -> { min = java.math.BigInteger.valueOf(Byte.MIN_VALUE); max = java.math.BigInteger.valueOf(Byte.MAX_VALUE); }
            case "Int16" -> { min = java.math.BigInteger.valueOf(Short.MIN_VALUE); max = java.math.BigInteger.valueOf(Short.MAX_VALUE); }
            case "Int32" -> { min = java.math.BigInteger.valueOf(Integer.MIN_VALUE); max = java.math.BigInteger.valueOf(Integer.MAX_VALUE); }
            case "UInt8" -> { min = java.math.BigInteger.ZERO; max = java.math.BigInteger.valueOf(255); }
            case "UInt16" -> { min = java.math.BigInteger.ZERO; max = java.math.BigInteger.valueOf(65_535); }
            case "UInt32" -> { min = java.math.BigInteger.ZERO; max = java.math.BigInteger.valueOf(4_294_967_295L); }
            default -> { min = java.math.BigInteger.ZERO; max = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE); }
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new ArithmeticException(type + " holds " + min + " to " + max);
        }
        return v.longValue();
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new NumberFormatException("not a Boolean");
        };
    }
}
