package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.FailureTexts;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.CompositionProblem;
import io.mqttworkbench.publish.DescriptionProblem;
import io.mqttworkbench.publish.JsonLayout;
import io.mqttworkbench.publish.NextPayload;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.publish.Placeholders;
import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.RequestReply;
import io.mqttworkbench.ui.common.BrokerLimits;
import io.mqttworkbench.ui.common.UserPropertyRow;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The composer of one connection: topic, QoS, retain, every MQTT 5 property, the payload and how its
 * text becomes bytes, placeholders with a preview, and the broker's answer. Sends once, repeatedly,
 * or as a request that waits for its reply; every send goes to the profile's history.
 */
public final class PublishViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<BrokerConnection> connection;
    private final Executor ui;
    private final SendHistory sent;
    /** {{counter}} counts per template (and once more for messages composed without one). */
    private final java.util.Map<String, Long> counters = new java.util.HashMap<>();
    private String counterKey = "";
    private boolean layoutFailed;

    /** The form's fields, as the composer edits them. */
    private final ComposerFields fields = new ComposerFields();

    private final ReadOnlyStringWrapper topicProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultIsError = new ReadOnlyBooleanWrapper(false);
    private final BrokerLimits limits;
    private final RepeatViewModel repeat;
    private final RequestViewModel request;

    /** The window's words, in the interface language. */
    private final Texts texts;
    private final ComposerTexts composerTexts;

    /**
     * @param history this profile's sends, saved in the background after each one
     * @param requests request/response over the same connection (it is handed every received message)
     * @param replies   decodes a reply as the log would show it
     */
    public PublishViewModel(Supplier<BrokerConnection> connection, Executor ui, Executor background, PublishHistory history, RequestReply requests,
                            RequestViewModel.ReplyDecoder replies, Texts texts) {
        this.texts = texts;
        this.composerTexts = new ComposerTexts(texts);
        this.limits = new BrokerLimits(texts);
        this.connection = connection;
        this.ui = ui;
        this.sent = new SendHistory(history, background);
        this.repeat = new RepeatViewModel(this, ui);
        this.request = new RequestViewModel(this, requests, replies, background, ui);
        // an empty Sparkplug payload starts from an example to edit, rather than a blank to guess
        fields.encoding.addListener((obs, old, now) -> {
            if (now == PayloadEncoding.SPARKPLUG && (fields.payload.get() == null || fields.payload.get().isBlank())) {
                fields.payload.set(io.mqttworkbench.publish.SparkplugDescription.EXAMPLE);
            }
        });
        fields.topic.addListener((obs, old, text) -> topicProblem.set(text == null || text.isEmpty() || fields.placeholders.get() && Placeholders.contains(text)
                ? "" : new ProblemTexts(texts).topic(text)));
        for (Observable o : fields.observables()) {
            o.addListener(x -> check());
        }
        check();
    }

    /** Without history or request/reply: for tests of the form alone. */
    public PublishViewModel(Supplier<BrokerConnection> connection, Executor ui, Texts texts) {
        this(connection, ui, Runnable::run, null, null, null, texts);
    }

    public StringProperty topicProperty() {
        return fields.topic;
    }

    public StringProperty payloadProperty() {
        return fields.payload;
    }

    public IntegerProperty qosProperty() {
        return fields.qos;
    }

    public BooleanProperty retainProperty() {
        return fields.retain;
    }

    public ObjectProperty<PayloadEncoding> encodingProperty() {
        return fields.encoding;
    }

    public BooleanProperty placeholdersProperty() {
        return fields.placeholders;
    }

    public StringProperty contentTypeProperty() {
        return fields.contentType;
    }

    /** null: not sent; true: UTF-8 text; false: bytes. */
    public ObjectProperty<Boolean> payloadFormatUtf8Property() {
        return fields.payloadFormatUtf8;
    }

    public StringProperty messageExpiryProperty() {
        return fields.messageExpiry;
    }

    public StringProperty responseTopicProperty() {
        return fields.responseTopic;
    }

    public StringProperty correlationDataProperty() {
        return fields.correlationData;
    }

    public BooleanProperty correlationHexProperty() {
        return fields.correlationHex;
    }

    public StringProperty topicAliasProperty() {
        return fields.topicAlias;
    }

    public ObservableList<UserPropertyRow> userProperties() {
        return fields.userProperties;
    }

    public ReadOnlyStringProperty topicProblemProperty() {
        return topicProblem.getReadOnlyProperty();
    }

    /** The first thing that stops sending, with the rule it breaks; empty when the message can go. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The payload as the next send will have it (placeholders filled), or its size for bytes. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What happened to the last publish: "PUBACK 0x00 Success at 12:34:56", or the reason it failed. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultIsErrorProperty() {
        return resultIsError.getReadOnlyProperty();
    }

    /** What the connected broker does not allow ("Maximum QoS 1 · no retained messages"), from its CONNACK. */
    public ReadOnlyStringProperty limitsProperty() {
        return limits.summaryProperty();
    }

    public ReadOnlyBooleanProperty retainAvailableProperty() {
        return limits.retainAvailableProperty();
    }

    public ReadOnlyBooleanProperty aliasAvailableProperty() {
        return limits.aliasAvailableProperty();
    }

    public IntegerProperty maximumQosProperty() {
        return limits.maximumQosProperty();
    }

    /** Sending the message again and again. */
    public RepeatViewModel repeat() {
        return repeat;
    }

    /** Sending the message as a request and waiting for its reply. */
    public RequestViewModel request() {
        return request;
    }

    /** Counts sends added to the history: the history list refreshes when it changes. */
    public javafx.beans.property.ReadOnlyLongProperty rememberedProperty() {
        return sent.addedProperty();
    }

    /** The form as a value (for history and templates). Throws {@link IllegalArgumentException} for a field that is not a number. */
    public Composition composition() {
        return fields.composition(texts);
    }

    /** Fills the form from a template: its {{counter}} goes on from where that template's last send left it. */
    public void load(Composition c, String templateKey) {
        load(c);
        counterKey = templateKey;
        check();
    }

    /** Fills the form from a value (a history entry, a template). */
    public void load(Composition c) {
        counterKey = "";
        fields.load(c);
    }

    /** Format (pretty) or Minify: lays the JSON payload out around its placeholders, or says why it cannot. */
    public void layoutPayload(boolean pretty) {
        switch (pretty ? JsonLayout.pretty(fields.payload.get()) : JsonLayout.compact(fields.payload.get())) {
            case JsonLayout.Formatted done -> {
                fields.payload.set(done.text());
                if (layoutFailed) {
                    show("", false); // the complaint about the last attempt no longer holds
                }
                layoutFailed = false;
            }
            case JsonLayout.Failed failed -> {
                show(failed.reason(), true);
                layoutFailed = true;
            }
        }
    }

    /** Reads what the broker allows from its CONNACK; the view disables what it does not. */
    public void capabilitiesChanged(Optional<BrokerCapabilities> capabilities, MqttEngine engine) {
        limits.update(capabilities, engine);
        if (fields.qos.get() > limits.maximumQosProperty().get()) {
            fields.qos.set(limits.maximumQosProperty().get());
        }
        if (!limits.retainAvailableProperty().get()) {
            fields.retain.set(false);
        }
        check();
    }

    private void check() {
        Composition c;
        try {
            c = composition();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            preview.set("");
            return;
        }
        long nextCounter = counters.getOrDefault(counterKey, 0L) + 1;
        // an empty topic is not an error to shout about while the form is being filled; Send says it
        List<CompositionProblem> problems = c.compositionProblems().stream()
                .filter(p -> p.rule() != CompositionProblem.Rule.TOPIC_NEEDED).toList();
        String first = problems.isEmpty() ? "" : composerTexts.problem(problems.get(0));
        if (first.isEmpty()) {
            first = limits.problem(c.topicAlias(), limits.knowsPacketSize() ? NextPayload.size(c, nextCounter) : -1).orElse("");
        }
        problem.set(first);
        preview.set(PayloadPreview.of(c, nextCounter, texts));
    }

    /** Publishes the form's message once; returns false (and says why) when it cannot be sent. */
    public boolean publish() {
        Optional<SendContext> context = prepare();
        if (context.isEmpty()) {
            return false;
        }
        Composition composition = context.get().composition();
        long counter = counters.merge(counterKey, 1L, Long::sum);
        check(); // the preview shows the next send
        PublishRequest request;
        try {
            request = composition.toRequest(Placeholders.Context.of(counter));
        } catch (CompositionProblem.Failure e) {
            show(composerTexts.problem(e.problem()), true);
            return false;
        } catch (DescriptionProblem.Invalid e) {
            show(composerTexts.sparkplug(e.problem()), true);
            return false;
        } catch (IllegalArgumentException e) {
            show(e.getMessage(), true);
            return false;
        }
        show(texts.text("publish.sending"), false);
        context.get().connection().publish(request).whenCompleteAsync((outcome, error) -> {
            String text = error != null ? new FailureTexts(texts).of(ConnectionException.unwrap(error).getMessage()) : composerTexts.outcome(outcome);
            show(texts.format("publish.result", text, LocalTime.now().format(TIME)), error != null || !outcome.success());
            remember(composition, text);
            check();
        }, ui);
        return true;
    }

    record SendContext(BrokerConnection connection, Composition composition) {
    }

    /** The connection and the form's message, or empty after saying why it cannot be sent. */
    Optional<SendContext> prepare() {
        if (fields.topic.get() == null || fields.topic.get().isEmpty()) {
            show(texts.text("publish.topic.needed"), true);
            return Optional.empty();
        }
        if (!topicProblem.get().isEmpty()) {
            show(texts.format("publish.topic.problem", topicProblem.get()), true);
            return Optional.empty();
        }
        if (!problem.get().isEmpty()) {
            show(problem.get(), true);
            return Optional.empty();
        }
        BrokerConnection current = connection.get();
        if (current == null) {
            show(texts.text("publish.notConnected"), true);
            return Optional.empty();
        }
        return Optional.of(new SendContext(current, composition()));
    }

    void remember(Composition composition, String outcome) {
        sent.add(composition, outcome);
    }

    void show(String text, boolean error) {
        result.set(text);
        resultIsError.set(error);
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
