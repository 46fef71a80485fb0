package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.ProfileChecks;
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
final class WillEditor {
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

    WillEditor(LastWill will) {
        enabled.set(will != null);
        topic = new CheckedField(will == null ? "" : will.topic(), text -> enabled.get() ? ProfileChecks.willTopic(text) : FieldCheck.OK, enabled);
        payload.set(will == null ? "" : new String(will.payload(), StandardCharsets.UTF_8));
        qos.set(will == null ? 0 : will.qos());
        retain.set(will != null && will.retain());
        MessageProperties p = will == null ? MessageProperties.NONE : will.properties();
        delay = new CheckedField(will == null || will.delaySeconds() == null ? "" : will.delaySeconds().toString(),
                text -> ProfileChecks.optionalWholeNumber(text, 0, 0xFFFFFFFFL, "The will delay"));
        contentType.set(p.contentType() == null ? "" : p.contentType());
        messageExpiry = new CheckedField(p.messageExpirySeconds() == null ? "" : p.messageExpirySeconds().toString(),
                text -> ProfileChecks.optionalWholeNumber(text, 0, 0xFFFFFFFFL, "The message expiry"));
        responseTopic = new CheckedField(p.responseTopic() == null ? "" : p.responseTopic(),
                text -> text.isEmpty() ? FieldCheck.OK : TopicValidator.checkTopicName(text).map(FieldCheck::error).orElse(FieldCheck.OK));
        correlationData.set(p.correlationData() == null ? "" : new String(p.correlationData(), StandardCharsets.UTF_8));
        StringBuilder lines = new StringBuilder();
        p.userProperties().forEach(u -> lines.append(u.key()).append('=').append(u.value()).append('\n'));
        userProperties = new CheckedField(lines.toString().strip(), WillEditor::checkUserProperties);
        hasErrors = Bindings.createBooleanBinding(() -> enabled.get() && (topic.blocksSaving() || delay.blocksSaving()
                        || messageExpiry.blocksSaving() || responseTopic.blocksSaving() || userProperties.blocksSaving()),
                enabled, topic.checkProperty(), delay.checkProperty(), messageExpiry.checkProperty(), responseTopic.checkProperty(),
                userProperties.checkProperty());
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    LastWill build() {
        if (!enabled.get()) {
            return null;
        }
        MessageProperties properties = new MessageProperties(blankToNull(contentType.get()), null, number(messageExpiry),
                blankToNull(responseTopic.trimmed()), correlationData.get().isEmpty() ? null : correlationData.get().getBytes(StandardCharsets.UTF_8),
                parseUserProperties(userProperties.text()), List.of(), null);
        return new LastWill(topic.text(), payload.get().getBytes(StandardCharsets.UTF_8), qos.get(), retain.get(), properties, number(delay));
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

    private static FieldCheck checkUserProperties(String text) {
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (!line.isBlank() && line.strip().indexOf('=') <= 0) {
                return FieldCheck.error("Line " + number + ": write one key=value per line");
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
