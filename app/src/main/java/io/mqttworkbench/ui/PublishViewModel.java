package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.TopicValidator;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The publish form of one connection: topic, text payload, QoS, retain, and the broker's answer. */
public final class PublishViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<BrokerConnection> connection;
    private final Executor ui;
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty payload = new SimpleStringProperty("");
    private final IntegerProperty qos = new SimpleIntegerProperty(0);
    private final BooleanProperty retain = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper topicProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultIsError = new ReadOnlyBooleanWrapper(false);

    PublishViewModel(Supplier<BrokerConnection> connection, Executor ui) {
        this.connection = connection;
        this.ui = ui;
        topic.addListener((obs, old, text) -> topicProblem.set(text == null || text.isEmpty() ? ""
                : TopicValidator.checkTopicName(text).orElse("")));
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty payloadProperty() {
        return payload;
    }

    public IntegerProperty qosProperty() {
        return qos;
    }

    public BooleanProperty retainProperty() {
        return retain;
    }

    public ReadOnlyStringProperty topicProblemProperty() {
        return topicProblem.getReadOnlyProperty();
    }

    /** What happened to the last publish: "PUBACK 0x00 Success at 12:34:56", or the reason it failed. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultIsErrorProperty() {
        return resultIsError.getReadOnlyProperty();
    }

    /** Publishes the form's message; returns false (and says why) when it cannot be sent. */
    public boolean publish() {
        String topicText = topic.get() == null ? "" : topic.get();
        String problem = TopicValidator.checkTopicName(topicText).orElse("");
        if (!problem.isEmpty()) {
            topicProblem.set(problem);
            return false;
        }
        BrokerConnection current = connection.get();
        if (current == null) {
            show("Not connected: connect first", true);
            return false;
        }
        byte[] bytes = (payload.get() == null ? "" : payload.get()).getBytes(StandardCharsets.UTF_8);
        show("Sending…", false);
        current.publish(new PublishRequest(topicText, bytes, qos.get(), retain.get())).whenCompleteAsync((outcome, error) -> {
            String at = " at " + LocalTime.now().format(TIME);
            if (error != null) {
                show(ConnectionException.unwrap(error).getMessage() + at, true);
            } else {
                show(outcome.description() + at, !outcome.success());
            }
        }, ui);
        return true;
    }

    private void show(String text, boolean error) {
        result.set(text);
        resultIsError.set(error);
    }
}
