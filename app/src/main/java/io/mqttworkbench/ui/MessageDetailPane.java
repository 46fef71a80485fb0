package io.mqttworkbench.ui;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.decode.PayloadText;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.decode.Utf8;
import java.nio.charset.StandardCharsets;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected message: topic, time, flags, MQTT 5 properties and the payload, as text or as a hex dump.
 * Very large payloads show their first part, and the pane says how much of how much.
 */
final class MessageDetailPane {
    static final int TEXT_LIMIT = 256 * 1024;
    static final int HEX_LIMIT = 64 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ConnectionViewModel viewModel;

    MessageDetailPane(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        Label topic = new Label("Select a message to see it whole");
        topic.setId("detailTopic");
        topic.getStyleClass().add(Styles.TEXT_BOLD);
        topic.setWrapText(true);
        Label meta = new Label();
        meta.setId("detailMeta");
        meta.getStyleClass().add(UiStyles.SECONDARY);
        meta.setWrapText(true);
        Label properties = new Label();
        properties.setId("detailProperties");
        properties.getStyleClass().add(UiStyles.SECONDARY);
        properties.setWrapText(true);
        properties.managedProperty().bind(properties.textProperty().isNotEmpty());
        properties.visibleProperty().bind(properties.managedProperty());

        TextArea payload = new TextArea();
        payload.setId("detailPayload");
        payload.setEditable(false);
        payload.getStyleClass().add(UiStyles.MONOSPACE);
        payload.setWrapText(true);
        VBox.setVgrow(payload, Priority.ALWAYS);
        CheckBox wrap = new CheckBox("Wrap lines");
        wrap.setSelected(true);
        payload.wrapTextProperty().bind(wrap.selectedProperty());

        for (Label label : new Label[] {topic, meta, properties}) {
            label.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines instead of cutting with an ellipsis
        }
        VBox texts = new VBox(2, topic, meta, properties);
        texts.setMinWidth(0);
        texts.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(texts, Priority.ALWAYS);
        wrap.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, texts, wrap);

        viewModel.selectedMessageProperty().addListener((obs, old, message) -> {
            if (message == null || message == StoreBackedList.EVICTED) {
                topic.setText("Select a message to see it whole");
                meta.setText("");
                properties.setText("");
                payload.setText("");
                return;
            }
            PayloadText text = PayloadText.of(message.payload(), TEXT_LIMIT, HEX_LIMIT);
            topic.setText(message.topic());
            meta.setText(describe(message, text));
            properties.setText(describe(message.properties()));
            payload.setText(text.text());
        });

        VBox pane = new VBox(top, payload);
        pane.getStyleClass().add(UiStyles.DETAIL_PANE);
        return pane;
    }

    private static String describe(ReceivedMessage m, PayloadText text) {
        StringBuilder sb = new StringBuilder();
        sb.append(TIME.format(Instant.ofEpochMilli(m.receivedEpochMillis())));
        sb.append("  ·  QoS ").append(m.qos());
        if (m.retained()) {
            sb.append("  ·  retained");
        }
        if (m.duplicate()) {
            sb.append("  ·  duplicate");
        }
        sb.append("  ·  ").append(Sizes.bytes(m.payloadSize()));
        if (m.payloadSize() >= 1024) {
            sb.append(String.format(" (%,d bytes)", m.payloadSize()));
        }
        sb.append(text.binary() ? "  ·  binary, shown as hex" : "  ·  UTF-8 text");
        if (text.truncated()) {
            sb.append("  ·  showing the first ").append(Sizes.bytes(text.shownBytes())).append(" of ").append(Sizes.bytes(text.totalBytes()));
        }
        return sb.toString();
    }

    private static String describe(MessageProperties p) {
        if (p.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, "Content type", p.contentType());
        if (p.payloadFormatUtf8() != null) {
            append(sb, "Payload format", p.payloadFormatUtf8() ? "UTF-8" : "bytes");
        }
        if (p.messageExpirySeconds() != null) {
            append(sb, "Expiry", p.messageExpirySeconds() + " s");
        }
        append(sb, "Response topic", p.responseTopic());
        if (p.correlationData() != null) {
            byte[] data = p.correlationData();
            String hex = HexFormat.ofDelimiter(" ").formatHex(data);
            append(sb, "Correlation data", Utf8.isValid(data) ? "\"" + new String(data, StandardCharsets.UTF_8) + "\" (hex " + hex + ")" : "hex " + hex);
        }
        for (UserProperty u : p.userProperties()) {
            append(sb, u.key(), u.value());
        }
        if (!p.subscriptionIdentifiers().isEmpty()) {
            append(sb, "Subscription ids", p.subscriptionIdentifiers().toString());
        }
        if (p.topicAlias() != null) {
            append(sb, "Topic alias", p.topicAlias().toString());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append("  ·  ");
        }
        sb.append(name).append(": ").append(value);
    }
}
