package io.mqttworkbench.ui.broker;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.topic.BrokerStatistics;
import io.mqttworkbench.topic.SubscriptionKind;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionRow;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Broker tab: the broker's own figures from its {@code $SYS} topics, refreshed twice a second from
 * the topic tree, and the one action needed to get them, since {@code #} never matches {@code $} topics.
 */
public final class BrokerStatsViewModel {

    static final String SYS_FILTER = "$SYS/#";
    private static final long REFRESH_NANOS = 500_000_000L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** A topic every broker with $SYS statistics publishes under; a subscription matching it receives them. */
    private static final List<String> PROBES = List.of("$SYS/broker/uptime", "$SYS/brokers/node/uptime");

    private final TopicTree tree;
    private final SubscriptionsViewModel subscriptions;
    private final ObservableList<BrokerStatistics.Reading> readings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper receivingSys = new ReadOnlyBooleanWrapper();
    private long lastRefresh;

    /** The window's words, in the interface language. */
    private final Texts texts;

    public BrokerStatsViewModel(TopicTree tree, SubscriptionsViewModel subscriptions, Texts texts) {
        this.texts = texts;
        this.tree = tree;
        this.subscriptions = subscriptions;
        refresh(System.nanoTime());
    }

    public ObservableList<BrokerStatistics.Reading> readings() {
        return readings;
    }

    /** "mosquitto · updated 12:34:56", or what is missing. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** What to do or to expect when there is nothing to show. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Whether a running, unpaused subscription receives $SYS topics (the action is then not offered). */
    public ReadOnlyBooleanProperty receivingSysProperty() {
        return receivingSys.getReadOnlyProperty();
    }

    public void onFrame(long nowNanos) {
        if (nowNanos - lastRefresh >= REFRESH_NANOS) {
            refresh(nowNanos);
        }
    }

    /** Subscribes to {@code $SYS/#}, or resumes that subscription when it is paused. */
    public boolean subscribeToSys() {
        for (SubscriptionRow row : subscriptions.rows()) {
            if (row.filter().equals(SYS_FILTER)) {
                if (row.paused()) {
                    subscriptions.setPaused(row, false);
                }
                refresh(System.nanoTime());
                return true;
            }
        }
        subscriptions.cancelEdit();
        SubscriptionForm form = subscriptions.form();
        form.kindProperty().set(SubscriptionKind.NORMAL);
        form.filterProperty().set(SYS_FILTER);
        boolean done = subscriptions.submit();
        if (!done) {
            hint.set(texts.format("broker.subscribe.failed", SYS_FILTER, form.problemProperty().get()));
        } else {
            refresh(System.nanoTime());
        }
        return done;
    }

    private void refresh(long nowNanos) {
        lastRefresh = nowNanos;
        List<BrokerStatistics.Reading> now = BrokerStatistics.read(tree, nowNanos);
        if (!now.equals(readings)) {
            readings.setAll(now);
        }
        receivingSys.set(PROBES.stream().anyMatch(subscriptions::receives));
        if (!now.isEmpty()) {
            long newest = now.stream().mapToLong(BrokerStatistics.Reading::receivedEpochMillis).max().orElse(0);
            long nodes = now.stream().map(BrokerStatistics.Reading::node).filter(n -> !n.isEmpty()).distinct().count();
            String updated = CLOCK.format(Instant.ofEpochMilli(newest));
            heading.set(nodes > 1 ? texts.format("broker.heading.nodes", now.get(0).source().label(), nodes, updated)
                    : texts.format("broker.heading", now.get(0).source().label(), updated));
            hint.set("");
        } else {
            heading.set(texts.text("broker.none"));
            hint.set(texts.text(receivingSys.get() ? "broker.hint.waiting" : "broker.hint.subscribe"));
        }
    }

    /** What a card shows: the reading's value, with an uptime in the interface language ("2 h 1 min", "2 小时 1 分钟"). */
    public String value(BrokerStatistics.Reading reading) {
        long s = reading.seconds();
        if (s < 0) {
            return reading.value();
        }
        if (s >= 86_400) {
            return texts.format("broker.duration.days", s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60);
        }
        if (s >= 3_600) {
            return texts.format("broker.duration.hours", s / 3_600, s % 3_600 / 60);
        }
        return s >= 60 ? texts.format("broker.duration.minutes", s / 60, s % 60) : texts.format("broker.duration.seconds", s);
    }

    /** A figure's name on its card, in the interface language. */
    public String figureName(BrokerStatistics.Figure figure) {
        return texts.text(switch (figure) {
            case VERSION -> "broker.figure.version";
            case UPTIME -> "broker.figure.uptime";
            case CLIENTS_CONNECTED -> "broker.figure.clients.connected";
            case CLIENTS_TOTAL -> "broker.figure.clients.total";
            case RECEIVED_RATE -> "broker.figure.received.rate";
            case SENT_RATE -> "broker.figure.sent.rate";
            case RECEIVED -> "broker.figure.received";
            case SENT -> "broker.figure.sent";
            case DROPPED -> "broker.figure.dropped";
            case SUBSCRIPTIONS -> "broker.figure.subscriptions";
            case RETAINED -> "broker.figure.retained";
            case BYTES_RECEIVED -> "broker.figure.bytes.received";
            case BYTES_SENT -> "broker.figure.bytes.sent";
        });
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
