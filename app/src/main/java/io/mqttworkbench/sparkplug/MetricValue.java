package io.mqttworkbench.sparkplug;

import java.util.Map;

/**
 * A metric of a node or device as it stands: named and typed by the last birth, valued by the last
 * birth or data message that carried it (by name or by alias).
 *
 * @param valueText     the value as JSON prints it, {@code null} for a null value
 * @param number        the value as a number, for charts; {@code null} when it is not one
 * @param timestamp     the metric's own timestamp (milliseconds since the epoch) if it had one, else the payload's
 * @param updatedMillis when the message that set the value was received
 */
public record MetricValue(String name, Long alias, String typeName, String valueText, Double number, Long timestamp,
                          Map<String, String> properties, long updatedMillis) {

    /** The engineering unit from the birth's properties ({@code engUnit} or {@code engUnits}), or empty. */
    public String unit() {
        String unit = properties.getOrDefault("engUnit", properties.get("engUnits"));
        return unit == null ? "" : unit;
    }

    /** The value as the tab shows and copies it: "null", a number, or a string without its quotes. */
    public String shownValue() {
        return valueText == null ? "null" : io.mqttworkbench.decode.SparkplugPayloads.unquoted(valueText);
    }
}
