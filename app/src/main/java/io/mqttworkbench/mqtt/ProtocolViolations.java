package io.mqttworkbench.mqtt;

import java.util.Locale;

/**
 * What a broker must never send, told in words: the connection log then says "the broker sent a malformed
 * PUBLISH: QoS 3" instead of a client library's internal exception, or nothing at all.
 */
final class ProtocolViolations {
    private ProtocolViolations() {
    }

    /** Why a topic the broker delivered is one it must never send (MQTT 5 §4.7.3, §1.5.4), or null when it is fine. */
    static String topicProblem(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#') {
                return "The broker sent a message on topic '" + printable(topic) + "', which holds the wildcard '" + c
                        + "': topic names of messages must not contain wildcards";
            }
            if (c == '\u0000') {
                return "The broker sent a message on a topic with a NUL character ('" + printable(topic) + "'), which MQTT forbids";
            }
            if (c == '\uFFFD') {
                return "The broker sent a message on topic '" + printable(topic) + "', whose name is not valid UTF-8 "
                        + "(the undecodable bytes are shown as \uFFFD)";
            }
        }
        return null;
    }

    static String packetIdZero(String topic, int qos) {
        return "The broker sent a QoS " + qos + " message on '" + printable(topic) + "' with packet identifier 0, which MQTT forbids "
                + "(further ones on this connection are not listed)";
    }

    /** HiveMQ MQTT Client's decoder messages ("Exception while decoding PUBLISH: wrong QoS") in words. */
    static String decodeFailure(String libraryText) {
        String text = libraryText == null ? "" : libraryText;
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("exception while decoding ");
        if (at < 0) {
            return null;
        }
        String rest = text.substring(at + "exception while decoding ".length());
        int colon = rest.indexOf(':');
        String packet = colon < 0 ? rest.trim() : rest.substring(0, colon).trim();
        String detail = colon < 0 ? "" : rest.substring(colon + 1).trim();
        if (detail.startsWith("wrong QoS")) {
            return "the broker sent a malformed " + packet + ": QoS 3";
        }
        if (detail.startsWith("malformed topic")) {
            return "the broker sent a malformed " + packet + ": its topic holds a wildcard, a NUL character or bytes that are not UTF-8";
        }
        return "the broker sent a malformed " + packet + (detail.isEmpty() ? "" : ": " + detail);
    }

    /**
     * Eclipse Paho's receive thread died of a packet it could not read; the stack tells which rule it broke,
     * since Paho's exceptions carry no message.
     */
    static String receiverCrash(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String method = frame.getMethodName();
            if (method.equals("validateQos")) {
                return "the broker sent a malformed PUBLISH: QoS 3";
            }
            if (method.startsWith("validateUTF8") || method.equals("decodeUTF8")) {
                return "the broker sent a malformed packet: a topic or text with a NUL character or bytes that are not UTF-8";
            }
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "the broker sent a packet the client library could not read (" + text + ")";
    }

    /** Control characters as \\uXXXX, so a hostile topic cannot rewrite the log line it appears in. */
    private static String printable(String topic) {
        StringBuilder sb = new StringBuilder(topic.length());
        for (int i = 0; i < topic.length() && sb.length() < 200; i++) {
            char c = topic.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
