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
        return compositionProblems().stream().map(CompositionProblem::message).toList();
    }

    /** {@link #problems()} as values the window can put in its own language. */
    public List<CompositionProblem> compositionProblems() {
        List<CompositionProblem> problems = new ArrayList<>();
        String shownTopic = placeholders ? Placeholders.expand(safe(topic), Placeholders.Context.of(1)) : topic;
        if (topic.isEmpty() && topicAlias == null) {
            problems.add(CompositionProblem.of(CompositionProblem.Rule.TOPIC_NEEDED).in(CompositionProblem.Field.TOPIC));
        } else if (!topic.isEmpty()) {
            TopicValidator.topicProblem(shownTopic).ifPresent(p -> problems.add(CompositionProblem.topic(CompositionProblem.Field.TOPIC, p)));
        }
        if (qos < 0 || qos > 2) {
            problems.add(CompositionProblem.of(CompositionProblem.Rule.QOS_RANGE));
        }
        if (placeholders) {
            for (String text : placeholderTexts()) {
                problems.addAll(Placeholders.problemsOf(text, System::getenv));
            }
        }
        if (!(placeholders && encoding.takesPlaceholders() && Placeholders.contains(payload))) {
            encoding.problemOf(payload).ifPresent(problems::add);
        }
        if (responseTopic != null) {
            TopicValidator.topicProblem(responseTopic).ifPresent(p -> problems.add(CompositionProblem.topic(CompositionProblem.Field.RESPONSE_TOPIC, p)));
        }
        if (correlationData != null && correlationHex) {
            PayloadEncoding.HEX.problemOf(correlationData).ifPresent(p -> problems.add(p.in(CompositionProblem.Field.CORRELATION)));
        }
        if (messageExpirySeconds != null && (messageExpirySeconds < 0 || messageExpirySeconds > 0xFFFFFFFFL)) {
            problems.add(CompositionProblem.of(CompositionProblem.Rule.EXPIRY_RANGE));
        }
        if (topicAlias != null && (topicAlias < 1 || topicAlias > 65535)) {
            problems.add(CompositionProblem.of(CompositionProblem.Rule.ALIAS_RANGE));
        }
        if (userProperties.stream().anyMatch(p -> p.key().isEmpty())) {
            problems.add(CompositionProblem.of(CompositionProblem.Rule.KEY_NEEDED).in(CompositionProblem.Field.USER_PROPERTY));
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
