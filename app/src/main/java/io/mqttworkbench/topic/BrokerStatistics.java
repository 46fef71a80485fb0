package io.mqttworkbench.topic;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own figures, read by name from the {@code $SYS} topics it publishes: mosquitto's
 * {@code $SYS/broker/...} and EMQX's {@code $SYS/brokers/<node>/...} (one set per cluster node).
 * Rates the broker does not publish are derived from its counters: the difference between the last two
 * values over the time between them.
 */
public final class BrokerStatistics {

    /** What users look for first, in the order shown. */
    public enum Figure {
        VERSION("Version"),
        UPTIME("Uptime"),
        CLIENTS_CONNECTED("Clients connected"),
        CLIENTS_TOTAL("Clients known"),
        RECEIVED_RATE("Received per second"),
        SENT_RATE("Sent per second"),
        RECEIVED("Messages received"),
        SENT("Messages sent"),
        /** Messages the broker threw away, mostly for subscribers that read too slowly (queue limits). */
        DROPPED("Messages dropped by the broker"),
        SUBSCRIPTIONS("Subscriptions"),
        RETAINED("Retained messages"),
        BYTES_RECEIVED("Data received"),
        BYTES_SENT("Data sent");

        private final String label;

        Figure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which broker family the figures came from. */
    public enum Source {
        MOSQUITTO("mosquitto"), EMQX("EMQX");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One figure, ready to show.
     *
     * @param node the EMQX node name, empty for a single broker
     * @param topic the {@code $SYS} topic it was read from (for a derived rate: the counter's)
     * @param receivedEpochMillis when that topic last arrived
     * @param seconds for an uptime read as a number, that number of seconds (so the window can say it in its
     *                language); -1 otherwise
     */
    public record Reading(Source source, String node, Figure figure, String value, String topic, long receivedEpochMillis, long seconds) {
        public Reading(Source source, String node, Figure figure, String value, String topic, long receivedEpochMillis) {
            this(source, node, figure, value, topic, receivedEpochMillis, -1);
        }
    }

    /** Counters slower than this many update intervals are taken as standing still. */
    private static final int STALE_INTERVALS = 3;
    private static final Pattern SECONDS = Pattern.compile("(\\d+)\\s*seconds?");
    private static final String MOSQUITTO = "$SYS/broker/";
    private static final String EMQX_NODES = "$SYS/brokers";

    private BrokerStatistics() {
    }

    /** Every figure found in the tree, mosquitto's first, then each EMQX node's; empty without {@code $SYS} data. */
    public static List<Reading> read(TopicTree tree, long nowNanos) {
        List<Reading> readings = new ArrayList<>();
        synchronized (tree) {
            readMosquitto(tree, nowNanos, readings);
            TopicNode nodes = tree.find(EMQX_NODES);
            if (nodes != null) {
                List<TopicNode> children = new ArrayList<>(nodes.childNodes());
                children.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
                for (TopicNode node : children) {
                    readEmqx(tree, node, nowNanos, readings);
                }
            }
        }
        return readings;
    }

    private static void readMosquitto(TopicTree tree, long nowNanos, List<Reading> out) {
        Source s = Source.MOSQUITTO;
        version(tree, MOSQUITTO + "version", out);
        uptime(tree, s, "", MOSQUITTO + "uptime", false, out);
        if (!count(tree, s, "", Figure.CLIENTS_CONNECTED, MOSQUITTO + "clients/connected", out)) {
            count(tree, s, "", Figure.CLIENTS_CONNECTED, MOSQUITTO + "clients/active", out); // before mosquitto 1.4
        }
        count(tree, s, "", Figure.CLIENTS_TOTAL, MOSQUITTO + "clients/total", out);
        // the broker's own one-minute average (messages per minute) is steadier than our difference
        if (!perMinute(tree, s, Figure.RECEIVED_RATE, MOSQUITTO + "load/messages/received/1min", out)) {
            rate(tree, s, "", Figure.RECEIVED_RATE, MOSQUITTO + "messages/received", nowNanos, out);
        }
        if (!perMinute(tree, s, Figure.SENT_RATE, MOSQUITTO + "load/messages/sent/1min", out)) {
            rate(tree, s, "", Figure.SENT_RATE, MOSQUITTO + "messages/sent", nowNanos, out);
        }
        count(tree, s, "", Figure.RECEIVED, MOSQUITTO + "messages/received", out);
        count(tree, s, "", Figure.SENT, MOSQUITTO + "messages/sent", out);
        count(tree, s, "", Figure.DROPPED, MOSQUITTO + "publish/messages/dropped", out);
        count(tree, s, "", Figure.SUBSCRIPTIONS, MOSQUITTO + "subscriptions/count", out);
        count(tree, s, "", Figure.RETAINED, MOSQUITTO + "retained messages/count", out);
        bytes(tree, s, "", Figure.BYTES_RECEIVED, MOSQUITTO + "bytes/received", out);
        bytes(tree, s, "", Figure.BYTES_SENT, MOSQUITTO + "bytes/sent", out);
    }

    private static void readEmqx(TopicTree tree, TopicNode node, long nowNanos, List<Reading> out) {
        Source s = Source.EMQX;
        String name = node.name();
        String base = node.topic() + "/";
        text(tree, s, name, Figure.VERSION, base + "version", out);
        uptime(tree, s, name, base + "uptime", true, out);
        if (!count(tree, s, name, Figure.CLIENTS_CONNECTED, base + "stats/connections/count", out)) {
            count(tree, s, name, Figure.CLIENTS_CONNECTED, base + "stats/live_connections/count", out);
        }
        rate(tree, s, name, Figure.RECEIVED_RATE, base + "metrics/messages/received", nowNanos, out);
        rate(tree, s, name, Figure.SENT_RATE, base + "metrics/messages/sent", nowNanos, out);
        count(tree, s, name, Figure.RECEIVED, base + "metrics/messages/received", out);
        count(tree, s, name, Figure.SENT, base + "metrics/messages/sent", out);
        count(tree, s, name, Figure.DROPPED, base + "metrics/messages/dropped", out);
        count(tree, s, name, Figure.SUBSCRIPTIONS, base + "stats/subscriptions/count", out);
        count(tree, s, name, Figure.RETAINED, base + "stats/retained/count", out);
        bytes(tree, s, name, Figure.BYTES_RECEIVED, base + "metrics/bytes/received", out);
        bytes(tree, s, name, Figure.BYTES_SENT, base + "metrics/bytes/sent", out);
    }

    private static ReceivedMessage last(TopicTree tree, String topic) {
        TopicNode node = tree.find(topic);
        return node == null ? null : node.last;
    }

    private static String text(ReceivedMessage message) {
        return new String(message.payload(), StandardCharsets.UTF_8).trim();
    }

    private static boolean text(TopicTree tree, Source s, String node, Figure figure, String topic, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        if (m == null || m.payloadSize() == 0) {
            return false;
        }
        out.add(new Reading(s, node, figure, text(m), topic, m.receivedEpochMillis()));
        return true;
    }

    /** "mosquitto version 2.0.18" reads "2.0.18": the panel already says which broker it is. */
    private static void version(TopicTree tree, String topic, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        if (m != null && m.payloadSize() > 0) {
            String value = text(m).replaceFirst("(?i)^mosquitto version\\s+", "");
            out.add(new Reading(Source.MOSQUITTO, "", Figure.VERSION, value, topic, m.receivedEpochMillis()));
        }
    }

    private static boolean count(TopicTree tree, Source s, String node, Figure figure, String topic, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        OptionalDouble value = m == null ? OptionalDouble.empty() : number(text(m));
        if (value.isEmpty()) {
            return false;
        }
        out.add(new Reading(s, node, figure, String.format(Locale.ROOT, "%,d", Math.round(value.getAsDouble())), topic, m.receivedEpochMillis()));
        return true;
    }

    private static void bytes(TopicTree tree, Source s, String node, Figure figure, String topic, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        OptionalDouble value = m == null ? OptionalDouble.empty() : number(text(m));
        if (value.isPresent()) {
            out.add(new Reading(s, node, figure, Sizes.bytes(Math.round(value.getAsDouble())), topic, m.receivedEpochMillis()));
        }
    }

    private static boolean perMinute(TopicTree tree, Source s, Figure figure, String topic, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        OptionalDouble value = m == null ? OptionalDouble.empty() : number(text(m));
        if (value.isEmpty()) {
            return false;
        }
        out.add(new Reading(s, "", figure, perSecond(value.getAsDouble() / 60), topic, m.receivedEpochMillis()));
        return true;
    }

    /** The counter's growth per second between its last two values; 0 once it has not moved for a while. */
    private static void rate(TopicTree tree, Source s, String node, Figure figure, String topic, long nowNanos, List<Reading> out) {
        TopicNode counter = tree.find(topic);
        List<ReceivedMessage> history = counter == null ? List.of() : tree.history(counter);
        if (history.size() < 2) {
            return;
        }
        ReceivedMessage newer = history.get(history.size() - 1);
        ReceivedMessage older = history.get(history.size() - 2);
        OptionalDouble a = number(text(older));
        OptionalDouble b = number(text(newer));
        long gapNanos = newer.receivedNanos() - older.receivedNanos();
        if (a.isEmpty() || b.isEmpty() || gapNanos <= 0 || b.getAsDouble() < a.getAsDouble()) {
            return; // not numbers, or the broker restarted and its counter began again
        }
        boolean stale = nowNanos - newer.receivedNanos() > STALE_INTERVALS * Math.max(gapNanos, 1_000_000_000L);
        double perSecond = stale ? 0 : (b.getAsDouble() - a.getAsDouble()) * 1e9 / gapNanos;
        out.add(new Reading(s, node, figure, perSecond(perSecond), topic, newer.receivedEpochMillis()));
    }

    /**
     * mosquitto says "1234 seconds"; EMQX 4 says "1 hours, 2 minutes, 3 seconds" (shown as it is), EMQX 5
     * a number of milliseconds.
     */
    private static void uptime(TopicTree tree, Source s, String node, String topic, boolean plainNumberIsMillis, List<Reading> out) {
        ReceivedMessage m = last(tree, topic);
        if (m == null || m.payloadSize() == 0) {
            return;
        }
        String raw = text(m);
        Matcher seconds = SECONDS.matcher(raw);
        long secs = -1;
        if (seconds.matches()) {
            secs = Long.parseLong(seconds.group(1));
        } else if (raw.matches("\\d{1,18}")) {
            long value = Long.parseLong(raw);
            secs = plainNumberIsMillis ? value / 1000 : value;
        }
        out.add(new Reading(s, node, Figure.UPTIME, secs < 0 ? raw : duration(secs), topic, m.receivedEpochMillis(), secs));
    }

    /** "3 d 4 h 5 min", "4 h 5 min", "5 min 6 s", "6 s". */
    static String duration(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d d %d h %d min", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d h %d min", hours, minutes);
        }
        if (minutes > 0) {
            return String.format(Locale.ROOT, "%d min %d s", minutes, secs);
        }
        return secs + " s";
    }

    private static String perSecond(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static OptionalDouble number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
