package io.mqttworkbench.ui.publish;

import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UserPropertyRow;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The composer's fields as properties, and the form read as a {@link Composition} or filled from one. */
final class ComposerFields {
    final StringProperty topic = new SimpleStringProperty("");
    final StringProperty payload = new SimpleStringProperty("");
    final IntegerProperty qos = new SimpleIntegerProperty(0);
    final BooleanProperty retain = new SimpleBooleanProperty(false);
    final ObjectProperty<PayloadEncoding> encoding = new SimpleObjectProperty<>(PayloadEncoding.TEXT);
    final BooleanProperty placeholders = new SimpleBooleanProperty(true);
    final StringProperty contentType = new SimpleStringProperty("");
    final ObjectProperty<Boolean> payloadFormatUtf8 = new SimpleObjectProperty<>();
    final StringProperty messageExpiry = new SimpleStringProperty("");
    final StringProperty responseTopic = new SimpleStringProperty("");
    final StringProperty correlationData = new SimpleStringProperty("");
    final BooleanProperty correlationHex = new SimpleBooleanProperty(false);
    final StringProperty topicAlias = new SimpleStringProperty("");
    final ObservableList<UserPropertyRow> userProperties = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});

    /** Every field: a change to any of them checks the form again. */
    Observable[] observables() {
        return new Observable[] {topic, payload, qos, encoding, placeholders, contentType, messageExpiry, responseTopic, correlationData,
                correlationHex, topicAlias, userProperties};
    }

    /** The form as a value (for history and templates). Throws {@link IllegalArgumentException} for a field that is not a number. */
    Composition composition(Texts texts) {
        return new Composition(topic.get(), qos.get(), retain.get(), encoding.get(), payload.get(), placeholders.get(), contentType.get(),
                payloadFormatUtf8.get(), number(messageExpiry.get(), "publish.expiry", texts), responseTopic.get(), correlationData.get(),
                correlationHex.get(), userProperties.stream().filter(row -> !row.isEmpty()).map(UserPropertyRow::toProperty).toList(),
                alias(texts));
    }

    void load(Composition c) {
        topic.set(c.topic());
        qos.set(c.qos());
        retain.set(c.retain());
        encoding.set(c.encoding());
        payload.set(c.payload());
        placeholders.set(c.placeholders());
        contentType.set(c.contentType() == null ? "" : c.contentType());
        payloadFormatUtf8.set(c.payloadFormatUtf8());
        messageExpiry.set(c.messageExpirySeconds() == null ? "" : c.messageExpirySeconds().toString());
        responseTopic.set(c.responseTopic() == null ? "" : c.responseTopic());
        correlationData.set(c.correlationData() == null ? "" : c.correlationData());
        correlationHex.set(c.correlationHex());
        topicAlias.set(c.topicAlias() == null ? "" : c.topicAlias().toString());
        userProperties.setAll(c.userProperties().stream().map(p -> new UserPropertyRow(p.key(), p.value())).toList());
    }

    private Integer alias(Texts texts) {
        Long alias = number(topicAlias.get(), "publish.alias", texts);
        return alias == null ? null : alias.intValue();
    }

    /** {@code field} is the key of the field's label, named in the complaint. */
    private static Long number(String text, String field, Texts texts) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(texts.format("publish.number.needed", texts.text(field)));
        }
    }
}
