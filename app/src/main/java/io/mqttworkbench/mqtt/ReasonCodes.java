package io.mqttworkbench.mqtt;

import java.util.Locale;
import java.util.Map;

/** Readable names for MQTT 5 reason codes and MQTT 3.1.1 return codes, shown as "0x86 Bad user name or password". */
public final class ReasonCodes {

    private static final Map<Integer, String> V5 = Map.ofEntries(
            Map.entry(0x00, "Success"),
            Map.entry(0x01, "Granted QoS 1"),
            Map.entry(0x02, "Granted QoS 2"),
            Map.entry(0x04, "Disconnect with will message"),
            Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x11, "No subscription existed"),
            Map.entry(0x18, "Continue authentication"),
            Map.entry(0x19, "Re-authenticate"),
            Map.entry(0x80, "Unspecified error"),
            Map.entry(0x81, "Malformed packet"),
            Map.entry(0x82, "Protocol error"),
            Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x84, "Unsupported protocol version"),
            Map.entry(0x85, "Client identifier not valid"),
            Map.entry(0x86, "Bad user name or password"),
            Map.entry(0x87, "Not authorized"),
            Map.entry(0x88, "Server unavailable"),
            Map.entry(0x89, "Server busy"),
            Map.entry(0x8A, "Banned"),
            Map.entry(0x8B, "Server shutting down"),
            Map.entry(0x8C, "Bad authentication method"),
            Map.entry(0x8D, "Keep alive timeout"),
            Map.entry(0x8E, "Session taken over"),
            Map.entry(0x8F, "Topic filter invalid"),
            Map.entry(0x90, "Topic name invalid"),
            Map.entry(0x91, "Packet identifier in use"),
            Map.entry(0x92, "Packet identifier not found"),
            Map.entry(0x93, "Receive maximum exceeded"),
            Map.entry(0x94, "Topic alias invalid"),
            Map.entry(0x95, "Packet too large"),
            Map.entry(0x96, "Message rate too high"),
            Map.entry(0x97, "Quota exceeded"),
            Map.entry(0x98, "Administrative action"),
            Map.entry(0x99, "Payload format invalid"),
            Map.entry(0x9A, "Retain not supported"),
            Map.entry(0x9B, "QoS not supported"),
            Map.entry(0x9C, "Use another server"),
            Map.entry(0x9D, "Server moved"),
            Map.entry(0x9E, "Shared subscriptions not supported"),
            Map.entry(0x9F, "Connection rate exceeded"),
            Map.entry(0xA0, "Maximum connect time"),
            Map.entry(0xA1, "Subscription identifiers not supported"),
            Map.entry(0xA2, "Wildcard subscriptions not supported"));

    private static final Map<Integer, String> V3_CONNACK = Map.of(
            0, "Connection accepted",
            1, "Unacceptable protocol version",
            2, "Client identifier rejected",
            3, "Server unavailable",
            4, "Bad user name or password",
            5, "Not authorized");

    private ReasonCodes() {
    }

    /** "0x86 Bad user name or password" for an MQTT 5 reason code. */
    public static String describe(int code) {
        return hex(code) + " " + V5.getOrDefault(code, "Unknown reason code");
    }

    /** The English name of an MQTT 5 reason code ("Bad user name or password"), or empty for a code MQTT does not define. */
    public static java.util.Optional<String> name(int code) {
        return java.util.Optional.ofNullable(V5.get(code));
    }

    /** The MQTT 5 reason codes MQTT defines, ascending. */
    public static java.util.List<Integer> codes() {
        return V5.keySet().stream().sorted().toList();
    }

    /** An MQTT 3.1.1 CONNACK return code, described in the same style. */
    public static String describeV3Connack(int code) {
        return hex(code) + " " + V3_CONNACK.getOrDefault(code, "Unknown return code");
    }

    /** A SUBACK code: the granted QoS or the failure reason. */
    public static String describeSuback(int code) {
        return code <= 2 ? "Granted QoS " + code : describe(code);
    }

    /** MQTT 3.1.1 return codes mapped onto the MQTT 5 codes that mean the same, so callers see one scheme. */
    public static int v3ConnackToV5(int code) {
        return switch (code) {
            case 0 -> 0x00;
            case 1 -> 0x84;
            case 2 -> 0x85;
            case 3 -> 0x88;
            case 4 -> 0x86;
            case 5 -> 0x87;
            default -> 0x80;
        };
    }

    public static boolean isError(int code) {
        return code >= 0x80;
    }

    public static String hex(int code) {
        return "0x" + String.format(Locale.ROOT, "%02X", code);
    }
}
