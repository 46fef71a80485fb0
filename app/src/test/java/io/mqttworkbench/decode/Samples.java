package io.mqttworkbench.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.DataSet;
import org.eclipse.tahu.message.model.DataSetDataType;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.Row;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.Value;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Payloads written by other implementations than ours: Jackson, msgpack-core, protobuf-java, Eclipse Tahu, the JDK. */
final class Samples {
    static final String SPARKPLUG_TOPIC = "spBv1.0/plant/DDATA/edge1/press4";
    static final long TIME = 1_700_000_000_000L;

    private Samples() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> order() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", "A-1029");
        order.put("qty", 2);
        order.put("price", 59.9);
        order.put("paid", true);
        order.put("tags", List.of("rush", "gift"));
        order.put("note", null);
        return order;
    }

    static byte[] json() {
        return utf8("{\"orderId\":\"A-1029\",\"qty\":2,\"price\":59.9,\"paid\":true,\"tags\":[\"rush\",\"gift\"],\"note\":null}");
    }

    static byte[] xml() {
        return utf8("<?xml version=\"1.0\"?><order id=\"A-1029\"><qty>2</qty><items><item sku=\"X-1\"/></items></order>");
    }

    static byte[] cbor() throws IOException {
        return new ObjectMapper(new CBORFactory()).writeValueAsBytes(order());
    }

    static byte[] msgpack() throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(4);
            packer.packString("orderId").packString("A-1029");
            packer.packString("qty").packInt(2);
            packer.packString("price").packDouble(59.9);
            packer.packString("tags").packArrayHeader(2).packString("rush").packString("gift");
            return packer.toByteArray();
        }
    }

    /** Field 1 varint 150, field 2 "hello", field 3 a nested message with field 1 = 7, field 4 a double. */
    static byte[] protobuf() throws IOException {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        CodedOutputStream n = CodedOutputStream.newInstance(nested);
        n.writeInt32(1, 7);
        n.flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeUInt64(1, 150);
        out.writeString(2, "hello");
        out.writeByteArray(3, nested.toByteArray());
        out.writeDouble(4, 2.5);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] sparkplug() throws Exception {
        PropertySet properties = new PropertySet.PropertySetBuilder()
                .addProperty("engUnit", new PropertyValue(PropertyDataType.String, "bar"))
                .addProperty("max", new PropertyValue(PropertyDataType.Int32, 250))
                .createPropertySet();
        DataSet dataSet = new DataSet.DataSetBuilder(2)
                .addColumnName("shift").addColumnName("count")
                .addType(DataSetDataType.String).addType(DataSetDataType.Int32)
                .addRow(new Row.RowBuilder().addValue(new Value<>(DataSetDataType.String, "early"))
                        .addValue(new Value<>(DataSetDataType.Int32, 41)).createRow())
                .createDataSet();
        SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder(3L)
                .setTimestamp(new Date(TIME))
                .addMetric(new Metric.MetricBuilder("Pressure", MetricDataType.Int32, -5).alias(7L).properties(properties).createMetric())
                .addMetric(new Metric.MetricBuilder("Counter", MetricDataType.UInt64, new java.math.BigInteger("18446744073709551615")).createMetric())
                .addMetric(new Metric.MetricBuilder("Temperature", MetricDataType.Float, 21.5f).createMetric())
                .addMetric(new Metric.MetricBuilder("Running", MetricDataType.Boolean, true).createMetric())
                .addMetric(new Metric.MetricBuilder("Mode", MetricDataType.String, "AUTO").createMetric())
                .addMetric(new Metric.MetricBuilder("Started", MetricDataType.DateTime, new Date(TIME)).createMetric())
                .addMetric(new Metric.MetricBuilder("Shifts", MetricDataType.DataSet, dataSet).createMetric())
                .createPayload();
        return new SparkplugBPayloadEncoder().getBytes(payload, false);
    }

    static byte[] gzip(byte[] inner) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(inner);
        }
        return bytes.toByteArray();
    }

    static byte[] zlib(byte[] inner) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(inner);
        }
        return bytes.toByteArray();
    }

    static byte[] base64(byte[] inner) {
        return Base64.getEncoder().encode(inner);
    }
}
