package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.SubscriptionOrigins;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected message: its header, every MQTT 5 property, and the payload through the chosen decoder,
 * decoded in the background. A large payload is shown a part at a time ({@link #PART_CHARS} characters):
 * "next part" decodes it again and keeps only that part, so the window never holds the whole output as
 * one string, however large. "Compare with the previous message on this topic" makes a side-by-side diff.
 */
public final class MessageDetailViewModel {
    /** The characters shown at once: a part of a large payload's output. */
    static final int PART_CHARS = DecoderRegistry.DEFAULT_MAX_CHARS;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); // untranslated: digits only

    /** One MQTT 5 property as a row: name and value. */
    public record PropertyRow(String name, String value) {
    }

    /** Two payloads line by line: previous on the left, this one on the right. */
    public record Comparison(String leftTitle, String rightTitle, List<DiffRow> rows, int changes) {
    }

    private final MessageLogViewModel log;
    private final SubscriptionsViewModel subscriptions;
    private final DecoderRegistry decoders;
    private final Executor background;
    private final Executor ui;
    private final DecoderChoices choices;
    private int generation;

    private final ReadOnlyObjectWrapper<ReceivedMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper meta = new ReadOnlyStringWrapper("");
    private final ObservableList<PropertyRow> properties = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<PayloadFormat>> format = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper decoding = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper part = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper hasNextPart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper partSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** The window's words, in the interface language. */
    private final Texts texts;

    /** @param topicDecoders where decoders chosen for a topic are kept (the profile) */
    public MessageDetailViewModel(MessageLogViewModel log, SubscriptionsViewModel subscriptions, DecoderChoices.Kept topicDecoders, DecoderRegistry decoders,
                           Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.log = log;
        this.subscriptions = subscriptions;
        this.choices = new DecoderChoices(topicDecoders, subscriptions.decoders());
        this.decoders = decoders;
        this.background = background;
        this.ui = ui;
        log.selectedProperty().addListener((obs, old, selected) -> show(selected));
        // the shown message takes in a copy, or collapsing starts or stops: the line says what it stands for now
        log.collapse().hiddenProperty().addListener(o -> describeShown());
        log.collapse().onProperty().addListener(o -> describeShown());
    }

    private void describeShown() {
        ReceivedMessage shown = message.get();
        if (shown != null) {
            String collapsed = log.collapse().mark(shown);
            meta.set(describe(shown, texts) + (collapsed == null ? via(subscriptions.origins().of(shown), subscriptions.origins(), texts) : "  ·  " + collapsed));
        }
    }

    public ReadOnlyObjectProperty<ReceivedMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicProperty() {
        return topic.getReadOnlyProperty();
    }

    /** Time, QoS, retain, duplicate and size, in one line. */
    public ReadOnlyStringProperty metaProperty() {
        return meta.getReadOnlyProperty();
    }

    public ObservableList<PropertyRow> properties() {
        return properties;
    }

    /** The decoder in use for this message: empty for Auto. */
    public ReadOnlyObjectProperty<Optional<PayloadFormat>> formatProperty() {
        return format.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Decoded> decodedProperty() {
        return decoded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty decodingProperty() {
        return decoding.getReadOnlyProperty();
    }

    /** Which part of the output is shown, from 0 (the first {@link #PART_CHARS} characters). */
    public ReadOnlyIntegerProperty partProperty() {
        return part.getReadOnlyProperty();
    }

    /** True when the output goes on after the part shown. */
    public ReadOnlyBooleanProperty hasNextPartProperty() {
        return hasNextPart.getReadOnlyProperty();
    }

    /** Where the part shown lies in the whole output, after the first part: "Characters 1,000,001–2,000,000 of 5,100,000 (part 2 of 6)". */
    public ReadOnlyStringProperty partSummaryProperty() {
        return partSummary.getReadOnlyProperty();
    }

    /** Shows the next part of the output, if there is one. */
    public void nextPart() {
        if (hasNextPart.get() && !decoding.get()) {
            part.set(part.get() + 1);
            decode();
        }
    }

    /** Shows the part before, if this is not the first. */
    public void previousPart() {
        if (part.get() > 0 && !decoding.get()) {
            part.set(part.get() - 1);
            decode();
        }
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Hides the notice (the user read it). */
    public void dismissNotice() {
        notice.set("");
    }

    /** Shows the message through {@code chosen} (empty: Auto), for this message, its topic or its subscription. */
    public void choose(Optional<PayloadFormat> chosen, DecoderChoices.Scope scope) {
        ReceivedMessage current = message.get();
        if (current == null) {
            return;
        }
        choices.choose(current, subscriptions.filterFor(current.topic()), scope, chosen.orElse(null));
        format.set(choices.formatFor(current, subscriptions.filterFor(current.topic())));
        part.set(0);
        decode();
    }

    private void show(ReceivedMessage selected) {
        comparison.set(null);
        notice.set("");
        if (selected == null || RowWindow.isPlaceholder(selected)) {
            generation++;
            message.set(null);
            topic.set("");
            meta.set("");
            properties.clear();
            decoded.set(null);
            decoding.set(false);
            hasNextPart.set(false);
            partSummary.set("");
            return;
        }
        message.set(selected);
        part.set(0);
        topic.set(selected.topic());
        describeShown();
        properties.setAll(rows(selected.properties(), texts));
        format.set(choices.formatFor(selected, subscriptions.filterFor(selected.topic())));
        decode();
    }

    private void decode() {
        ReceivedMessage current = message.get();
        if (current == null) {
            return;
        }
        int mine = ++generation;
        Optional<PayloadFormat> chosen = format.get();
        int shown = part.get();
        decoding.set(true);
        // the first part stops where it ends; a later one is decoded to the end, to say how much there is
        CompletableFuture.supplyAsync(() -> shown == 0 ? decoders.decode(current.payload(), current.topic(), chosen, PART_CHARS)
                        : decoders.decodePart(current.payload(), current.topic(), chosen, (long) shown * PART_CHARS, PART_CHARS), background)
                .whenCompleteAsync((result, error) -> {
                    if (mine != generation) {
                        return;
                    }
                    decoding.set(false);
                    Decoded d = error == null ? result : new Decoded(PayloadFormat.HEX, "", io.mqttworkbench.decode.Syntax.PLAIN, "",
                            texts.format("log.detail.decode.failed", error.getMessage()), false);
                    // nothing past the output's limit can be shown, so no part starts there
                    hasNextPart.set(d.truncated() && (long) (shown + 1) * PART_CHARS < DecoderRegistry.outputLimit(current.payload()));
                    partSummary.set(shown == 0 ? "" : summary(d, shown, texts));
                    decoded.set(d);
                }, ui);
    }

    /** "Characters 1,000,001–2,000,000 of 5,100,000 (part 2 of 6)"; without the total when it is not known. */
    static String summary(Decoded d, int part, Texts texts) {
        long first = d.from() + 1;
        long last = d.from() + d.text().length();
        if (d.total() < 0) {
            return texts.format("log.detail.part", first, last, part + 1);
        }
        long parts = Math.max(1, (d.total() + PART_CHARS - 1) / PART_CHARS);
        return texts.format("log.detail.part.total", first, last, d.total(), part + 1, parts);
    }

    /** Decodes the shown message again (a schema was loaded), saying why. */
    public void redecode(String why) {
        notice.set(why);
        part.set(0);
        decode();
    }

    /** Finds the message before this one on the same topic and lines the two payloads up, in the background. */
    public void compareWithPrevious() {
        ReceivedMessage current = message.get();
        if (current == null) {
            return;
        }
        MessageStore store = log.store();
        io.mqttworkbench.history.MessageHistory stored = log.paging().history();
        Optional<PayloadFormat> chosen = format.get();
        notice.set(texts.format("log.detail.compare.looking", current.topic()));
        int mine = generation;
        CompletableFuture.supplyAsync(() -> {
            ReceivedMessage previous = previousOnTopic(store, current);
            if (previous == null && stored != null) {
                // not in memory (a row read from the disk, or memory's oldest on its topic): the history may have it
                previous = previousOnDisk(stored, current);
            }
            if (previous == null) {
                return null;
            }
            String left = decoders.decode(previous.payload(), previous.topic(), chosen, DecoderRegistry.DEFAULT_MAX_CHARS).text();
            String right = decoders.decode(current.payload(), current.topic(), chosen, DecoderRegistry.DEFAULT_MAX_CHARS).text();
            List<DiffRow> rows = DiffRowGenerator.create().showInlineDiffs(false).ignoreWhiteSpaces(false).build()
                    .generateDiffRows(left.lines().toList(), right.lines().toList());
            int changes = (int) rows.stream().filter(r -> r.getTag() != DiffRow.Tag.EQUAL).count();
            return new Comparison(texts.format("log.compare.previous", TIME.format(Instant.ofEpochMilli(previous.receivedEpochMillis()))),
                    texts.format("log.compare.this", TIME.format(Instant.ofEpochMilli(current.receivedEpochMillis()))), rows, changes);
        }, background).whenCompleteAsync((result, error) -> {
            if (mine != generation) {
                return;
            }
            if (error != null) {
                notice.set(texts.format("log.detail.compare.failed", error.getMessage()));
            } else if (result == null) {
                notice.set(texts.format("log.detail.compare.none", current.topic()));
            } else {
                notice.set(result.changes() == 0 ? texts.text("log.detail.compare.identical")
                        : texts.format(result.changes() == 1 ? "log.detail.compare.one" : "log.detail.compare.other", result.changes()));
                // the same comparison again is equal to the last, and would open no window: Compare twice opens it twice
                comparison.set(null);
                comparison.set(result);
            }
        }, ui);
    }

    /** Scans back from the message (found by identity) to the one before it on the same topic. */
    static ReceivedMessage previousOnTopic(MessageStore store, ReceivedMessage current) {
        long first = store.firstSequence();
        long s = store.nextSequence() - 1;
        while (s >= first && store.get(s) != current) {
            s--;
        }
        for (s--; s >= first; s--) {
            ReceivedMessage m = store.get(s);
            if (m != null && m.topic().equals(current.topic())) {
                return m;
            }
        }
        return null;
    }

    private static ReceivedMessage previousOnDisk(io.mqttworkbench.history.MessageHistory stored, ReceivedMessage current) {
        try {
            List<ReceivedMessage> found = new io.mqttworkbench.history.TopicHistoryQuery(stored)
                    .newest(current.topic(), current.receivedEpochMillis(), 1).newestFirst();
            return found.isEmpty() ? null : found.get(0);
        } catch (io.mqttworkbench.history.HistoryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String describe(ReceivedMessage m, Texts texts) {
        StringBuilder sb = new StringBuilder(TIME.format(Instant.ofEpochMilli(m.receivedEpochMillis())));
        sb.append("  ·  QoS ").append(m.qos());
        if (m.retained()) {
            sb.append("  ·  ").append(texts.text("log.detail.retained"));
        }
        if (m.duplicate()) {
            sb.append("  ·  ").append(texts.text("log.detail.duplicate"));
        }
        sb.append("  ·  ").append(Sizes.bytes(m.payloadSize()));
        if (m.payloadSize() >= 1024) {
            sb.append(' ').append(texts.format("log.detail.bytes", m.payloadSize()));
        }
        return sb.toString();
    }

    /** "  ·  via factory/+/press3/#": the subscription(s) that delivered it, or those the topic matches (inferred). */
    static String via(SubscriptionOrigins.Origin origin, SubscriptionOrigins origins, Texts texts) {
        if (origin.filters().isEmpty()) {
            return "";
        }
        String names = origin.inferred() && origin.filters().size() == 1 ? texts.format("log.origin.inferred", origins.label(origin)) : origins.label(origin);
        return "  ·  " + texts.format("log.detail.via", names);
    }

    /** Every MQTT 5 property the message carries, user properties in their order (keys may repeat). */
    static List<PropertyRow> rows(MessageProperties p, Texts texts) {
        List<PropertyRow> rows = new ArrayList<>();
        if (p.contentType() != null) {
            rows.add(new PropertyRow(texts.text("log.property.content.type"), p.contentType()));
        }
        if (p.payloadFormatUtf8() != null) {
            rows.add(new PropertyRow(texts.text("log.property.payload.format"),
                    texts.text(p.payloadFormatUtf8() ? "log.property.payload.format.utf8" : "log.property.payload.format.bytes")));
        }
        if (p.messageExpirySeconds() != null) {
            rows.add(new PropertyRow(texts.text("log.property.expiry"), texts.format("log.property.expiry.value", p.messageExpirySeconds())));
        }
        if (p.responseTopic() != null) {
            rows.add(new PropertyRow(texts.text("log.property.response.topic"), p.responseTopic()));
        }
        if (p.correlationData() != null) {
            byte[] data = p.correlationData();
            String hex = HexFormat.ofDelimiter(" ").formatHex(data);
            rows.add(new PropertyRow(texts.text("log.property.correlation"),
                    Utf8.isValid(data) ? new String(data, StandardCharsets.UTF_8) + "   (hex " + hex + ")" : "hex " + hex));
        }
        for (UserProperty u : p.userProperties()) {
            rows.add(new PropertyRow(texts.format("log.property.user", u.key()), u.value()));
        }
        if (!p.subscriptionIdentifiers().isEmpty()) {
            rows.add(new PropertyRow(texts.text("log.property.subscription.ids"),
                    String.join(", ", p.subscriptionIdentifiers().stream().map(String::valueOf).toList())));
        }
        if (p.topicAlias() != null) {
            rows.add(new PropertyRow(texts.text("log.property.topic.alias"), p.topicAlias().toString()));
        }
        return rows;
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
