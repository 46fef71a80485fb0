package io.mqttworkbench.ui.profile;

import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.CheckProblem.Quantity;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.CheckedField;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The last-will section of the profile editor, with the MQTT 5 will properties. */
public final class WillEditor {
    final BooleanProperty enabled = new SimpleBooleanProperty(false);
    final CheckedField topic;
    final StringProperty payload = new SimpleStringProperty("");
    final IntegerProperty qos = new SimpleIntegerProperty(0);
    final BooleanProperty retain = new SimpleBooleanProperty(false);
    final CheckedField delay;
    final StringProperty contentType = new SimpleStringProperty("");
    final CheckedField messageExpiry;
    final CheckedField responseTopic;
    final StringProperty correlationData = new SimpleStringProperty("");
    final CheckedField userProperties;
    private final BooleanBinding hasErrors;
    /** What the profile had: bytes that are not text (an imported binary will) stay as they were unless retyped. */
    private final MessageProperties originalProperties;
    private final byte[] originalPayload;
    private final String originalPayloadText;
    private final String originalCorrelationText;
    private final Texts texts;

    WillEditor(LastWill will, Texts texts) {
        this.texts = texts;
        enabled.set(will != null);
        topic = new CheckedField(will == null ? "" : will.topic(), new CheckTexts(texts).of(text -> enabled.get() ? ProfileChecks.willTopic(text) : FieldCheck.OK), enabled);
        originalPayload = will == null ? new byte[0] : will.payload();
        originalPayloadText = new String(originalPayload, StandardCharsets.UTF_8);
        payload.set(originalPayloadText);
        qos.set(will == null ? 0 : will.qos());
        retain.set(will != null && will.retain());
        MessageProperties p = will == null ? MessageProperties.NONE : will.properties();
        originalProperties = p;
        delay = new CheckedField(will == null || will.delaySeconds() == null ? "" : will.delaySeconds().toString(),
                new CheckTexts(texts).of(text -> ProfileChecks.optionalWholeNumber(text, 0, 0xFFFFFFFFL, Quantity.WILL_DELAY)));
        contentType.set(p.contentType() == null ? "" : p.contentType());
        messageExpiry = new CheckedField(p.messageExpirySeconds() == null ? "" : p.messageExpirySeconds().toString(),
                new CheckTexts(texts).of(text -> ProfileChecks.optionalWholeNumber(text, 0, 0xFFFFFFFFL, Quantity.MESSAGE_EXPIRY)));
        responseTopic = new CheckedField(p.responseTopic() == null ? "" : p.responseTopic(),
                text -> text.isEmpty() ? FieldCheck.OK : new ProblemTexts(texts).topic(text).transform(why -> why.isEmpty() ? FieldCheck.OK : FieldCheck.error(why)));
        originalCorrelationText = p.correlationData() == null ? "" : new String(p.correlationData(), StandardCharsets.UTF_8);
        correlationData.set(originalCorrelationText);
        StringBuilder lines = new StringBuilder();
        p.userProperties().forEach(u -> lines.append(u.key()).append('=').append(u.value()).append('\n'));
        userProperties = new CheckedField(lines.toString().strip(), this::checkUserProperties);
        hasErrors = Bindings.createBooleanBinding(() -> enabled.get() && (topic.blocksSaving() || delay.blocksSaving()
                        || messageExpiry.blocksSaving() || responseTopic.blocksSaving() || userProperties.blocksSaving()),
                enabled, topic.checkProperty(), delay.checkProperty(), messageExpiry.checkProperty(), responseTopic.checkProperty(),
                userProperties.checkProperty());
    }

    /** Says that a binary payload is kept as it is while its lossy text form stands untouched. */
    javafx.beans.binding.ObjectBinding<FieldCheck> payloadNote() {
        return binaryNote(payload, originalPayload, originalPayloadText);
    }

    javafx.beans.binding.ObjectBinding<FieldCheck> correlationNote() {
        return binaryNote(correlationData, originalProperties.correlationData(), originalCorrelationText);
    }

    private javafx.beans.binding.ObjectBinding<FieldCheck> binaryNote(StringProperty text, byte[] original, String originalText) {
        boolean binary = original != null && !io.mqttworkbench.decode.Utf8.isValid(original);
        return Bindings.createObjectBinding(() -> binary && text.get().equals(originalText)
                ? FieldCheck.info(texts.format("profile.will.binary", original.length))
                : FieldCheck.OK, text);
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    LastWill build() {
        if (!enabled.get()) {
            return null;
        }
        byte[] correlation = correlationData.get().equals(originalCorrelationText) ? originalProperties.correlationData()
                : correlationData.get().isEmpty() ? null : correlationData.get().getBytes(StandardCharsets.UTF_8);
        byte[] payloadBytes = payload.get().equals(originalPayloadText) ? originalPayload : payload.get().getBytes(StandardCharsets.UTF_8);
        MessageProperties properties = new MessageProperties(blankToNull(contentType.get()), originalProperties.payloadFormatUtf8(),
                number(messageExpiry), blankToNull(responseTopic.trimmed()), correlation, parseUserProperties(userProperties.text()),
                List.of(), null);
        return new LastWill(topic.text(), payloadBytes, qos.get(), retain.get(), properties, number(delay));
    }

    static List<UserProperty> parseUserProperties(String text) {
        List<UserProperty> properties = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                properties.add(UserProperty.parse(line.strip()));
            }
        }
        return properties;
    }

    private FieldCheck checkUserProperties(String text) {
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (!line.isBlank() && line.strip().indexOf('=') <= 0) {
                return FieldCheck.error(texts.format("profile.will.userproperties.line", number));
            }
        }
        return FieldCheck.OK;
    }

    private static Long number(CheckedField field) {
        return field.trimmed().isEmpty() ? null : Long.valueOf(field.trimmed());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
