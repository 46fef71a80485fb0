package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.topic.SubscriptionGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The subscriptions of one connection: the form, the list with each filter's SUBACK answer, pausing and
 * colours. The list is the profile's: every change is saved with it, and made again on each connect.
 */
public final class SubscriptionsViewModel {

    private final Supplier<BrokerConnection> connected;
    private final Supplier<BrokerConnection> anyConnection;
    private final Consumer<List<SavedSubscription>> persist;
    private final Consumer<SubscriptionGate> gateSink;
    private final SubscriptionForm form;
    private final ObservableList<SubscriptionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SubscriptionRow> editing = new ReadOnlyObjectWrapper<>();
    private SubscriptionGate gate = SubscriptionGate.OPEN;
    /** The colour of each gate entry, by index: what the message log marks rows with. */
    private List<String> gateColors = List.of();
    private List<String> gateFilters = List.of();
    /** The "#" row the profile's "Subscribe to # on connect" made: shown and subscribed, not saved with the list; or null. */
    private SubscriptionRow automatic;
    private final SubscriptionOrigins origins;
    /** Sends the rows' subscriptions and shows the broker's answers on them. */
    private final RowSubscriptions atBroker;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param connected the connection while it is connected, else null
     * @param anyConnection the connection in whatever state, or null before the first connect
     * @param persist saves the list with the profile
     * @param gateSink receives the gate for paused subscriptions whenever the list changes
     */
    public SubscriptionsViewModel(List<SavedSubscription> initial, Supplier<BrokerConnection> connected, Supplier<BrokerConnection> anyConnection,
                           Executor ui, Consumer<List<SavedSubscription>> persist, Consumer<SubscriptionGate> gateSink, Texts texts) {
        this.texts = texts;
        this.form = new SubscriptionForm(texts);
        this.connected = connected;
        this.anyConnection = anyConnection;
        this.persist = persist;
        this.gateSink = gateSink;
        this.origins = new SubscriptionOrigins(anyConnection, this::filtersMatching, texts);
        this.atBroker = new RowSubscriptions(rows, ui, texts);
        initial.forEach(s -> rows.add(new SubscriptionRow(s, texts)));
        form.reset(nextColor());
        publishGate();
    }

    public SubscriptionForm form() {
        return form;
    }

    public ObservableList<SubscriptionRow> rows() {
        return rows;
    }

    /** The row the form is editing, or null when the form adds a new subscription. */
    public ReadOnlyObjectProperty<SubscriptionRow> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** What the list holds, as the profile keeps it (without the "#" that "Subscribe to # on connect" adds). */
    public List<SavedSubscription> saved() {
        return rows.stream().filter(r -> r != automatic).map(SubscriptionRow::saved).toList();
    }

    /**
     * The profile's "Subscribe to # on connect": on, a "#" row joins the list (unless the list has one) and is
     * subscribed with the others, without being saved in the profile's list; off, that row goes. Called on
     * each connect, so a "#" unsubscribed by hand comes back with the next one. JavaFX thread.
     */
    public void subscribeAllOnConnect(boolean on) {
        if (on && row("#").isEmpty()) {
            SubscriptionRow row = new SubscriptionRow(new SavedSubscription(SubscriptionRequest.of("#", 0), nextColor(), false), texts);
            automatic = row;
            rows.add(row);
            publishGate();
            subscribeNowOrOnConnect(row, texts.text("common.subscription.waiting.automatic"));
        } else if (!on && automatic != null) {
            SubscriptionRow row = automatic;
            automatic = null;
            if (editing.get() == row) {
                cancelEdit();
            }
            remove(row);
            publishGate();
        }
    }

    /** The user changed the automatic "#" row: from now on it is one of the profile's own subscriptions. */
    private void own(SubscriptionRow row) {
        if (row == automatic) {
            automatic = null;
        }
    }

    /**
     * Subscribes as the form says (or, while editing, replaces the edited subscription). Offline, the
     * subscription is kept and made on the next connect. Returns false when the form holds a problem.
     */
    public boolean submit() {
        Optional<SavedSubscription> built = form.build();
        if (built.isEmpty()) {
            return false;
        }
        SubscriptionRow edited = editing.get();
        int position = edited == null ? -1 : rows.indexOf(edited);
        SavedSubscription subscription = built.get().withPaused(edited != null && edited.paused())
                .withDecoder(edited == null ? null : edited.saved().decoder()); // editing QoS or options keeps the chosen decoder
        if (edited != null && !edited.filter().equals(subscription.filter())) {
            remove(edited); // a new filter is a new subscription: the old one goes, at the broker too
        }
        SubscriptionRow row = rows.stream().filter(r -> r.filter().equals(subscription.filter())).findFirst().orElse(null);
        own(row);
        if (row == null) {
            row = new SubscriptionRow(subscription, texts);
            rows.add(position >= 0 && position <= rows.size() ? position : rows.size(), row);
        } else {
            row.savedProperty().set(subscription);
        }
        editing.set(null);
        form.reset(nextColor());
        changed();
        subscribeNowOrOnConnect(row, texts.text("common.subscription.waiting"));
        return true;
    }

    private void subscribeNowOrOnConnect(SubscriptionRow row, String waiting) {
        BrokerConnection current = connected.get();
        if (current != null) {
            atBroker.send(current, List.of(row));
        } else {
            row.show(SubscriptionRow.State.WAITING, waiting);
        }
    }

    /** Fills the form with the row, whose subscription the next submit replaces. */
    public void edit(SubscriptionRow row) {
        editing.set(row);
        form.load(row.saved());
    }

    public void cancelEdit() {
        editing.set(null);
        form.reset(nextColor());
    }

    /** Removes the subscription; offline it is forgotten, so that it is not restored on reconnect. */
    public void unsubscribe(SubscriptionRow row) {
        if (editing.get() == row) {
            cancelEdit();
        }
        own(row); // unsubscribed by hand: gone until the next connect makes it again
        remove(row);
        changed();
    }

    private void remove(SubscriptionRow row) {
        rows.remove(row);
        BrokerConnection current = anyConnection.get();
        if (current != null) {
            current.unsubscribe(row.filter());
        }
    }

    /** Pauses (messages held back, still subscribed at the broker) or resumes the subscription. */
    public void setPaused(SubscriptionRow row, boolean paused) {
        if (row.paused() != paused) {
            own(row);
            row.savedProperty().set(row.saved().withPaused(paused));
            changed();
        }
    }

    /** The decoder chosen for each subscription's messages, kept in the profile with the subscription. */
    public DecoderChoices.Kept decoders() {
        return new DecoderChoices.Kept() {
            @Override
            public Optional<PayloadFormat> get(String filter) {
                return row(filter).flatMap(r -> Optional.ofNullable(r.saved().decoder())).flatMap(PayloadFormat::byId);
            }

            @Override
            public void set(String filter, PayloadFormat format) {
                row(filter).ifPresent(r -> {
                    own(r);
                    r.savedProperty().set(r.saved().withDecoder(format == null ? null : format.id()));
                    changed();
                });
            }
        };
    }

    private Optional<SubscriptionRow> row(String filter) {
        return rows.stream().filter(r -> r.filter().equals(filter)).findFirst();
    }

    public void setColor(SubscriptionRow row, String color) {
        own(row);
        row.savedProperty().set(row.saved().withColor(color));
        changed();
    }

    /** Whether a running subscription (not paused, not refused) receives {@code topic}. */
    public boolean receives(String topic) {
        for (SubscriptionRow row : rows) {
            if (row.paused() || row.stateProperty().get() == SubscriptionRow.State.REFUSED) {
                continue;
            }
            try {
                if (io.mqttworkbench.mqtt.TopicFilter.of(row.filter()).matches(topic)) { // matches on the part after $share/GROUP/
                    return true;
                }
            } catch (IllegalArgumentException invalid) {
                // a filter the broker refused to take is no subscription
            }
        }
        return false;
    }

    /** The filter of the first subscription the topic came through, or null. */
    public String filterFor(String topic) {
        int index = gate.firstMatch(topic);
        return index < 0 || index >= gateFilters.size() ? null : gateFilters.get(index);
    }

    /** Which subscription(s) delivered a message: what the log's rows and the message detail name. */
    public SubscriptionOrigins origins() {
        return origins;
    }

    /** The filters of every subscription the topic matches, in the list's order. */
    public List<String> filtersMatching(String topic) {
        List<String> found = new ArrayList<>(1);
        for (int i = 0; i < gateFilters.size(); i++) {
            if (gate.entries().get(i).filter().matches(topic)) {
                found.add(gateFilters.get(i));
            }
        }
        return found;
    }

    /** The colour of the subscription with this filter, or null. */
    public String colorOfFilter(String filter) {
        int index = gateFilters.indexOf(filter);
        return index < 0 || index >= gateColors.size() ? null : gateColors.get(index);
    }

    /** The colour of the first subscription that matches the topic, or null. */
    public String colorFor(String topic) {
        int index = gate.firstMatch(topic);
        return index < 0 || index >= gateColors.size() ? null : gateColors.get(index);
    }

    /**
     * The connection is up: makes every subscription it does not hold yet (all of them on a new
     * connection; those added offline or refused before on a reconnect). JavaFX thread.
     */
    public void connected(BrokerConnection current) {
        atBroker.connected(current);
    }

    /**
     * The connection went down: what the broker granted no longer holds. Each subscription shows pending
     * until the broker answers again after the reconnect. JavaFX thread.
     */
    public void connectionDown(boolean reconnecting) {
        atBroker.connectionDown(reconnecting);
    }

    /**
     * The broker's answers to the subscriptions made again after a reconnect, or none because the resumed
     * session kept them. JavaFX thread.
     */
    public void restored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
        atBroker.restored(outcomes, keptBySession);
    }

    /** The profile was edited elsewhere (the profile editor): takes its list, subscribing and unsubscribing the difference. */
    public void syncTo(List<SavedSubscription> wanted) {
        if (wanted.equals(saved())) {
            return;
        }
        Map<String, SubscriptionRow> existing = new LinkedHashMap<>();
        rows.forEach(r -> existing.put(r.filter(), r));
        List<SubscriptionRow> next = new ArrayList<>();
        List<SubscriptionRow> toSend = new ArrayList<>();
        for (SavedSubscription s : wanted) {
            SubscriptionRow row = existing.remove(s.filter());
            own(row); // the edited list has "#" of its own now
            if (row == null) {
                row = new SubscriptionRow(s, texts);
                toSend.add(row);
            } else if (!row.request().equals(s.request())) {
                toSend.add(row);
            }
            row.savedProperty().set(s);
            next.add(row);
        }
        if (automatic != null && existing.remove(automatic.filter()) != null) {
            next.add(automatic); // not in the profile's list, but still asked for
        }
        BrokerConnection any = anyConnection.get();
        if (any != null) {
            existing.keySet().forEach(any::unsubscribe);
        }
        if (editing.get() != null && !next.contains(editing.get())) {
            cancelEdit();
        }
        rows.setAll(next);
        publishGate();
        BrokerConnection current = connected.get();
        if (current != null && !toSend.isEmpty()) {
            atBroker.send(current, toSend);
        }
    }

    /** Refreshes the held-back counts. JavaFX thread, once per frame. */
    public void onFrame() {
        for (SubscriptionRow row : rows) {
            if (row.paused() || row.heldBackProperty().get() != 0) {
                row.refreshHeldBack();
            }
        }
    }

    private void changed() {
        publishGate();
        persist.accept(saved());
    }

    private void publishGate() {
        List<SubscriptionGate.Entry> entries = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (SubscriptionRow row : rows) {
            entries.add(new SubscriptionGate.Entry(TopicFilter.of(row.filter()), row.paused(), row.heldBackCounter()));
            colors.add(row.saved().color());
        }
        gate = new SubscriptionGate(entries);
        gateColors = List.copyOf(colors);
        gateFilters = rows.stream().map(SubscriptionRow::filter).toList();
        gateSink.accept(gate);
    }

    private String nextColor() {
        return SavedSubscription.nextColor(rows.stream().map(SubscriptionRow::saved).toList());
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
