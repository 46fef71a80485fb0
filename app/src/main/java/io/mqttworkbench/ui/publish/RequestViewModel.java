package io.mqttworkbench.ui.publish;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.RequestReply;
import io.mqttworkbench.ui.common.DecodeTexts;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The composer's "send and wait for reply": MQTT 5 request/response with the reply and its round trip, or
 * the timeout. The reply's payload is decoded whole, in the background, the way the log shows a message.
 */
public final class RequestViewModel {

    /** Decodes a reply as the log would decode that message (the decoder chosen for its topic, else Auto). Any thread. */
    @FunctionalInterface
    public interface ReplyDecoder {
        Decoded decode(ReceivedMessage reply);
    }

    private final PublishViewModel composer;
    private final RequestReply requests;
    private final ReplyDecoder decoder;
    private final Executor background;
    private final Executor ui;
    private final StringProperty timeoutSeconds = new SimpleStringProperty("10");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reply = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Decoded> replyPayload = new ReadOnlyObjectWrapper<>();

    RequestViewModel(PublishViewModel composer, RequestReply requests, ReplyDecoder decoder, Executor background, Executor ui) {
        this.composer = composer;
        this.requests = requests;
        this.decoder = decoder;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What became of the last request: the reply's round trip, topic, size and format, or why none came. */
    public ReadOnlyStringProperty replyProperty() {
        return reply.getReadOnlyProperty();
    }

    /** The last reply's payload, decoded whole; null while there is none. */
    public ReadOnlyObjectProperty<Decoded> replyPayloadProperty() {
        return replyPayload.getReadOnlyProperty();
    }

    /**
     * Sends the form's message as a request (its response topic, or {@code <topic>/reply/<client id>}) and
     * shows the reply that carries its correlation data.
     */
    public boolean send() {
        Optional<PublishViewModel.SendContext> context = composer.prepare();
        if (context.isEmpty() || requests == null) {
            return false;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(timeoutSeconds.get().strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds <= 0) {
            composer.show(texts().text("publish.request.timeout.needed"), true);
            return false;
        }
        Composition composition = context.get().composition();
        String replyTopic = composition.responseTopic() != null ? composition.responseTopic()
                : RequestReply.defaultResponseTopic(composition.topic(), context.get().connection().clientId());
        waiting.set(true);
        replyPayload.set(null);
        reply.set(texts().format("publish.request.waiting", replyTopic));
        String timeout = timeoutSeconds.get().strip();
        requests.send(composition, replyTopic, Duration.ofMillis((long) (seconds * 1000)))
                .thenApplyAsync(got -> new Answer(got, decoder.decode(got.message())), background)
                .whenCompleteAsync((got, error) -> {
                    waiting.set(false);
                    if (error == null) {
                        reply.set(describe(got));
                        replyPayload.set(got.payload());
                        composer.remember(composition, texts().text("publish.request.answered"));
                    } else {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        reply.set(cause instanceof TimeoutException ? texts().format("publish.request.noReply", replyTopic, timeout)
                                : texts().format("publish.request.failed", cause.getMessage()));
                    }
                }, ui);
        return true;
    }

    private record Answer(RequestReply.Reply reply, Decoded payload) {
    }

    /** The interface language's words, the composer's. */
    io.mqttworkbench.ui.common.Texts texts() {
        return composer.texts();
    }

    private String describe(Answer answer) {
        RequestReply.Reply got = answer.reply();
        Decoded d = answer.payload();
        DecodeTexts words = new DecodeTexts(texts());
        String how = d.failed() ? words.of(d.error()) : d.format().label() + (d.note().isEmpty() ? "" : words.of(", " + d.note()));
        return texts().format("publish.request.reply", got.roundTrip().toNanos() / 1e6, got.responseTopic(),
                d.failed() || d.note().isEmpty() ? how + " · " + Sizes.bytes(got.message().payload().length) : how);
    }
}
