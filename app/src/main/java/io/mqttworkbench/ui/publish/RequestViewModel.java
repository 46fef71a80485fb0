package io.mqttworkbench.ui.publish;

import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.RequestReply;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The composer's "send and wait for reply": MQTT 5 request/response with the reply and its round trip, or the timeout. */
public final class RequestViewModel {
    private final PublishViewModel composer;
    private final RequestReply requests;
    private final Executor ui;
    private final StringProperty timeoutSeconds = new SimpleStringProperty("10");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reply = new ReadOnlyStringWrapper("");

    RequestViewModel(PublishViewModel composer, RequestReply requests, Executor ui) {
        this.composer = composer;
        this.requests = requests;
        this.ui = ui;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** The reply to the last request: its payload and round trip, or why none came. */
    public ReadOnlyStringProperty replyProperty() {
        return reply.getReadOnlyProperty();
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
            composer.show("Timeout: a number of seconds is needed", true);
            return false;
        }
        Composition composition = context.get().composition();
        String replyTopic = composition.responseTopic() != null ? composition.responseTopic()
                : RequestReply.defaultResponseTopic(composition.topic(), context.get().connection().clientId());
        waiting.set(true);
        reply.set("Waiting for a reply on " + replyTopic + "…");
        requests.send(composition, replyTopic, Duration.ofMillis((long) (seconds * 1000))).whenCompleteAsync((got, error) -> {
            waiting.set(false);
            if (error == null) {
                reply.set(String.format(Locale.ROOT, "Reply in %.1f ms on %s: %s", got.roundTrip().toNanos() / 1e6, got.responseTopic(),
                        PayloadPreview.of(got.message().payload(), 2000)));
                composer.remember(composition, "request answered");
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                reply.set(cause instanceof TimeoutException ? cause.getMessage() : "The request failed: " + cause.getMessage());
            }
        }, ui);
        return true;
    }
}
