package io.mqttworkbench.publish;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the composer holds, as a value: what history entries and templates keep, and what becomes
 * a {@link PublishRequest} at each send (placeholders expanded then).
 *
 * @param payload the text, hex, Base64, or (for {@link PayloadEncoding#FILE}) the file's path
 * @param placeholders whether {@code {{...}}} are expanded; off sends literal braces
 * @param correlationData text, or hex digits when {@code correlationHex}
 * @param topicAlias null to send the topic name in full
 */
public record Composition(String topic, int qos, boolean retain, PayloadEncoding encoding, String payload, boolean placeholders,
                          String contentType, Boolean payloadFormatUtf8, Long messageExpirySeconds, String responseTopic,
                          String correlationData, boolean correlationHex, List<UserProperty> userProperties, Integer topicAlias) {

    public Composition {
        topic = topic == null ? "" : topic;
        encoding = encoding == null ? PayloadEncoding.TEXT : encoding;
        payload = payload == null ? "" : payload;
        contentType = blankToNull(contentType);
        responseTopic = blankToNull(responseTopic);
        correlationData = blankToNull(correlationData);
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    /** A plain text message: what {@code pub -m} and quick sends make. */
    public static Composition text(String topic, String payload, int qos, boolean retain) {
        return new Composition(topic, qos, retain, PayloadEncoding.TEXT, payload, true, null, null, null, null, null, false, List.of(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Composition withTopic(String value) {
        return new Composition(value, qos, retain, encoding, payload, placeholders, contentType, payloadFormatUtf8, messageExpirySeconds,
                responseTopic, correlationData, correlationHex, userProperties, topicAlias);
    }

    public Composition withResponse(String topic, String correlation, boolean hex) {
        return new Composition(this.topic, qos, retain, encoding, payload, placeholders, contentType, payloadFormatUtf8, messageExpirySeconds,
                topic, correlation, hex, userProperties, topicAlias);
    }

    /** Problems that stop sending, each with the rule it breaks; placeholders are checked as well as they can be before sending. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String shownTopic = placeholders ? Placeholders.expand(safe(topic), Placeholders.Context.of(1)) : topic;
        if (topic.isEmpty() && topicAlias == null) {
            problems.add("Topic: a topic is needed");
        } else if (!topic.isEmpty()) {
            TopicValidator.checkTopicName(shownTopic).ifPresent(p -> problems.add("Topic: " + p));
        }
        if (qos < 0 || qos > 2) {
            problems.add("QoS is 0, 1 or 2");
        }
        if (placeholders) {
            for (String text : placeholderTexts()) {
                Placeholders.problems(text, System::getenv).forEach(problems::add);
            }
        }
        if (!(placeholders && encoding.takesPlaceholders() && Placeholders.contains(payload))) {
            encoding.problem(payload).ifPresent(problems::add);
        }
        if (responseTopic != null) {
            TopicValidator.checkTopicName(responseTopic).ifPresent(p -> problems.add("Response topic: " + p));
        }
        if (correlationData != null && correlationHex) {
            PayloadEncoding.HEX.problem(correlationData).ifPresent(p -> problems.add("Correlation data: " + p));
        }
        if (messageExpirySeconds != null && (messageExpirySeconds < 0 || messageExpirySeconds > 0xFFFFFFFFL)) {
            problems.add("Message expiry is 0 to 4294967295 seconds");
        }
        if (topicAlias != null && (topicAlias < 1 || topicAlias > 65535)) {
            problems.add("Topic alias is 1 to 65535");
        }
        for (UserProperty p : userProperties) {
            if (p.key().isEmpty()) {
                problems.add("User property: a key is needed (values may be empty)");
                break;
            }
        }
        return problems;
    }

    private static String safe(String text) {
        try {
            Placeholders.expand(text, Placeholders.Context.of(1));
            return text;
        } catch (IllegalArgumentException e) {
            return text.replaceAll("\\{\\{[^{}]*}}", "x");
        }
    }

    private List<String> placeholderTexts() {
        List<String> texts = new ArrayList<>();
        texts.add(topic);
        if (encoding.takesPlaceholders()) {
            texts.add(payload);
        }
        userProperties.forEach(p -> texts.add(p.value()));
        return texts;
    }

    /** The payload bytes as they would go out for this send. */
    public byte[] payloadBytes(Placeholders.Context context) {
        String text = placeholders && encoding.takesPlaceholders() ? Placeholders.expand(payload, context) : payload;
        return encoding.encode(text);
    }

    /** The message for one send; throws {@link IllegalArgumentException} with the reason when it cannot be built. */
    public PublishRequest toRequest(Placeholders.Context context) {
        String sendTopic = placeholders ? Placeholders.expand(topic, context) : topic;
        List<UserProperty> properties = placeholders
                ? userProperties.stream().map(p -> new UserProperty(p.key(), Placeholders.expand(p.value(), context))).toList()
                : userProperties;
        byte[] correlation = correlationData == null ? null
                : correlationHex ? PayloadEncoding.hex(correlationData) : correlationData.getBytes(StandardCharsets.UTF_8);
        MessageProperties mqtt5 = new MessageProperties(contentType, payloadFormatUtf8, messageExpirySeconds, responseTopic, correlation,
                properties, List.of(), topicAlias);
        return new PublishRequest(sendTopic, payloadBytes(context), qos, retain, mqtt5);
    }

    /** The first problem, if any: for one-line messages beside the Send button. */
    public Optional<String> firstProblem() {
        List<String> problems = problems();
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
    }
}
