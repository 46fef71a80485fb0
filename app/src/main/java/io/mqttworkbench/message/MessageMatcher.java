package io.mqttworkbench.message;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A {@link MessageQuery} ready to test messages fast: the cheap parts first (QoS, retain, time, topic),
 * then text. Text payloads are searched as they are; binary ones (CBOR, Protobuf, Sparkplug...) in their
 * decoded form, so a search finds what the detail pane shows.
 */
final class MessageMatcher implements Predicate<ReceivedMessage> {
    /** Decoded text searched per binary message: enough for any field a person looks for. */
    private static final int DECODED_CHARS = 256 * 1024;

    private final MessageQuery query;
    private final TopicFilter filter;
    private final Pattern pattern;
    private final byte[] asciiLower;
    private final String needle;
    private final String propertyKey;
    private final String propertyValue;
    private final DecoderRegistry decoders;

    MessageMatcher(MessageQuery query, DecoderRegistry decoders) {
        this.query = query;
        this.decoders = decoders;
        this.filter = query.topicFilter().isEmpty() ? null : TopicFilter.of(query.topicFilter());
        String text = query.text();
        this.pattern = text.isEmpty() ? null : query.regex()
                ? Pattern.compile(text, query.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                : null;
        this.needle = text.isEmpty() || query.regex() ? null : query.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
        boolean ascii = needle != null && needle.chars().allMatch(c -> c < 0x80);
        this.asciiLower = ascii && !query.caseSensitive() ? needle.getBytes(StandardCharsets.US_ASCII) : null;
        int eq = query.userProperty().indexOf('=');
        this.propertyKey = query.userProperty().isEmpty() ? null : eq < 0 ? query.userProperty() : query.userProperty().substring(0, eq);
        this.propertyValue = eq < 0 ? null : query.userProperty().substring(eq + 1);
    }

    @Override
    public boolean test(ReceivedMessage m) {
        if (query.qos() != null && m.qos() != query.qos()
                || query.retained() != null && m.retained() != query.retained()
                || query.fromMillis() != null && m.receivedEpochMillis() < query.fromMillis()
                || query.toMillis() != null && m.receivedEpochMillis() > query.toMillis()
                || filter != null && !filter.matches(m.topic())
                || propertyKey != null && !hasProperty(m)) {
            return false;
        }
        if (pattern == null && needle == null) {
            return true;
        }
        return textMatches(m.topic()) || payloadMatches(m);
    }

    private boolean hasProperty(ReceivedMessage m) {
        for (UserProperty p : m.properties().userProperties()) {
            if (p.key().equals(propertyKey) && (propertyValue == null || p.value().equals(propertyValue))) {
                return true;
            }
        }
        return false;
    }

    private boolean payloadMatches(ReceivedMessage m) {
        byte[] payload = m.payload();
        if (payload.length == 0) {
            return false;
        }
        if (PayloadPreview.looksReadable(payload, 1024)) {
            if (asciiLower != null) {
                return containsIgnoringAsciiCase(payload, asciiLower);
            }
            return textMatches(new String(payload, StandardCharsets.UTF_8));
        }
        return textMatches(decoders.decode(payload, m.topic(), DECODED_CHARS).text());
    }

    private boolean textMatches(String s) {
        if (pattern != null) {
            return pattern.matcher(s).find();
        }
        return query.caseSensitive() ? s.contains(needle) : s.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Byte search with ASCII case folding: no String per message for the commonest search. */
    static boolean containsIgnoringAsciiCase(byte[] haystack, byte[] lowerNeedle) {
        int n = lowerNeedle.length;
        if (n == 0) {
            return true;
        }
        byte first = lowerNeedle[0];
        outer:
        for (int i = 0, last = haystack.length - n; i <= last; i++) {
            if (lower(haystack[i]) != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (lower(haystack[i + j]) != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
