package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.topic.SubscriptionKind;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The subscribe form: filter, QoS, kind (normal, shared, exclusive) and the MQTT 5 options. Says what is
 * wrong while the user types, and shows the filter that will be sent.
 */
public final class SubscriptionForm {

    private final StringProperty filter = new SimpleStringProperty("#");
    private final IntegerProperty qos = new SimpleIntegerProperty(1);
    private final ObjectProperty<SubscriptionKind> kind = new SimpleObjectProperty<>(SubscriptionKind.NORMAL);
    private final StringProperty group = new SimpleStringProperty("");
    private final BooleanProperty noLocal = new SimpleBooleanProperty(false);
    private final BooleanProperty retainAsPublished = new SimpleBooleanProperty(false);
    private final IntegerProperty retainHandling = new SimpleIntegerProperty(0);
    private final StringProperty identifier = new SimpleStringProperty("");
    private final StringProperty color = new SimpleStringProperty(SavedSubscription.PALETTE.get(0));
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    /** The words of the problems it explains. */
    private final Texts texts;

    public SubscriptionForm(Texts texts) {
        this.texts = texts;
        for (Observable field : new Observable[] {filter, kind, group, noLocal, identifier}) {
            field.addListener(o -> check(false));
        }
        check(false);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public IntegerProperty qosProperty() {
        return qos;
    }

    public ObjectProperty<SubscriptionKind> kindProperty() {
        return kind;
    }

    /** The share group, for a shared subscription. */
    public StringProperty groupProperty() {
        return group;
    }

    public BooleanProperty noLocalProperty() {
        return noLocal;
    }

    public BooleanProperty retainAsPublishedProperty() {
        return retainAsPublished;
    }

    /** 0: send retained messages on subscribe; 1: only for a new subscription; 2: never. */
    public IntegerProperty retainHandlingProperty() {
        return retainHandling;
    }

    /** The MQTT 5 subscription identifier as typed; empty for none. */
    public StringProperty identifierProperty() {
        return identifier;
    }

    public StringProperty colorProperty() {
        return color;
    }

    /** What is wrong with the form, or empty; updated as the user types. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The filter that will be sent, such as {@code $share/workers/jobs/#}. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The subscription the form describes, or empty with {@link #problemProperty()} saying why. */
    public Optional<SavedSubscription> build() {
        return check(true);
    }

    /** Fills the form from an existing subscription, for editing. */
    public void load(SavedSubscription saved) {
        SubscriptionRequest r = saved.request();
        SubscriptionKind.Parts parts = SubscriptionKind.parse(r.filter());
        kind.set(parts.kind());
        group.set(parts.group());
        filter.set(parts.filter());
        qos.set(r.qos());
        noLocal.set(r.noLocal());
        retainAsPublished.set(r.retainAsPublished());
        retainHandling.set(r.retainHandling());
        identifier.set(r.subscriptionIdentifier() == null ? "" : r.subscriptionIdentifier().toString());
        color.set(saved.color());
    }

    /** Back to a fresh form that keeps the last filter kind's text, with the next free colour. */
    public void reset(String nextColor) {
        noLocal.set(false);
        retainAsPublished.set(false);
        retainHandling.set(0);
        identifier.set("");
        color.set(nextColor);
    }

    private Optional<SavedSubscription> check(boolean submitting) {
        String text = filter.get() == null ? "" : filter.get().strip();
        String composed = text.isEmpty() ? "" : kind.get().compose(group.get() == null ? "" : group.get().strip(), text);
        preview.set(composed);
        String why = "";
        Integer id = null;
        if (text.isEmpty()) {
            why = submitting ? texts.text("common.subscription.problem.empty") : "";
        } else if (kind.get() == SubscriptionKind.SHARED && (group.get() == null || group.get().isBlank())) {
            why = texts.text("common.subscription.problem.group");
        } else if (kind.get() != SubscriptionKind.NORMAL
                && (text.startsWith("$share/") || text.startsWith("$exclusive/") || text.startsWith("$queue/"))) {
            why = texts.text("common.subscription.problem.prefix");
        } else {
            why = new ProblemTexts(texts).filter(composed);
        }
        if (why.isEmpty() && !identifier.get().isBlank()) {
            try {
                id = Integer.valueOf(identifier.get().strip());
                if (id < 1 || id > 268_435_455) {
                    why = texts.text("common.subscription.problem.identifier.range");
                }
            } catch (NumberFormatException e) {
                why = texts.text("common.subscription.problem.identifier.number");
            }
        }
        SavedSubscription built = null;
        if (why.isEmpty() && !text.isEmpty()) {
            try {
                built = new SavedSubscription(new SubscriptionRequest(composed, qos.get(), noLocal.get(), retainAsPublished.get(),
                        retainHandling.get(), id), color.get(), false);
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        problem.set(why);
        return Optional.ofNullable(built);
    }
}
