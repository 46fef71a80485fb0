package io.mqttworkbench.decode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways a payload can be shown; {@code id} is what the command line and saved choices use. */
public enum PayloadFormat {
    TEXT("text", "Text"),
    JSON("json", "JSON"),
    XML("xml", "XML"),
    HEX("hex", "Hex"),
    BASE64("base64", "Base64"),
    CBOR("cbor", "CBOR"),
    MSGPACK("msgpack", "MessagePack"),
    PROTOBUF("protobuf", "Protobuf"),
    SPARKPLUG("sparkplug", "Sparkplug B"),
    COMPRESSED("gzip", "gzip / zlib");

    private final String id;
    private final String label;

    PayloadFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** By id ("json") or name ("JSON"), case-insensitive; "zlib" and "deflate" also mean {@link #COMPRESSED}. */
    public static Optional<PayloadFormat> byId(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("zlib") || wanted.equals("deflate")) {
            return Optional.of(COMPRESSED);
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
