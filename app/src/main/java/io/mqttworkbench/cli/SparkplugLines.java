package io.mqttworkbench.cli;

import com.google.gson.stream.JsonWriter;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.NetworkView;
import io.mqttworkbench.sparkplug.SparkplugChange;
import io.mqttworkbench.sparkplug.SparkplugFlag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What {@code sparkplug} prints: the state as a table, then a line per change; or the same as JSON lines. */
final class SparkplugLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean json;

    SparkplugLines(OutputStream out, boolean json) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        this.json = json;
    }

    void state(NetworkView view) throws IOException {
        if (json) {
            stateJson(view);
        } else {
            for (NetworkView.Node node : view.nodes()) {
                out.printf("%-28s %-8s %s%s%s  %,d metric%s  %d device%s%n", node.where(), lower(node.state()), times(node.lastBirthMillis(), node.lastDeathMillis()),
                        node.bdSeq() == null ? "" : "  bdSeq " + node.bdSeq(), node.lastSeq() == null ? "" : "  seq " + node.lastSeq(),
                        node.metrics().size(), node.metrics().size() == 1 ? "" : "s", node.devices().size(), node.devices().size() == 1 ? "" : "s");
                for (NetworkView.Device device : node.devices()) {
                    out.printf("  %-26s %-8s %s  %,d metric%s%n", device.id(), lower(device.state()), times(device.lastBirthMillis(), device.lastDeathMillis()),
                            device.metrics().size(), device.metrics().size() == 1 ? "" : "s");
                }
            }
            for (NetworkView.Host host : view.hosts()) {
                out.printf("host %-23s %s%n", host.id(), host.online() ? "online" : "offline");
            }
            long devices = view.nodes().stream().mapToLong(n -> n.devices().size()).sum();
            out.printf("%d node%s (%d online), %d device%s, %d host%s, %d flag%s%n", view.nodes().size(), view.nodes().size() == 1 ? "" : "s", view.online(),
                    devices, devices == 1 ? "" : "s", view.hosts().size(), view.hosts().size() == 1 ? "" : "s", view.flags().size(), view.flags().size() == 1 ? "" : "s");
        }
        flush();
    }

    void change(SparkplugChange change) throws IOException {
        if (json) {
            changeJson(change);
            return;
        }
        switch (change) {
            case SparkplugChange.StateChanged s -> out.printf("%s  %s  %s -> %s  (%s)%n", TIME.format(Instant.ofEpochMilli(s.atMillis())), s.where(),
                    lower(s.from()), lower(s.to()), s.reason());
            case SparkplugChange.HostChanged h -> out.printf("%s  host %s %s%n", TIME.format(Instant.ofEpochMilli(h.atMillis())), h.hostId(),
                    h.online() ? "online" : "offline");
            case SparkplugChange.Flagged f -> out.printf("%s  %s  FLAG %s: %s%n", TIME.format(Instant.ofEpochMilli(f.flag().atMillis())), f.flag().where(),
                    f.flag().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), f.flag().detail());
        }
    }

    void flush() throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("standard output is closed");
        }
    }

    private static String times(Long birth, Long death) {
        String born = birth == null ? "" : "born " + TIME.format(Instant.ofEpochMilli(birth));
        String died = death == null ? "" : "died " + TIME.format(Instant.ofEpochMilli(death));
        return born.isEmpty() ? died : died.isEmpty() ? born : born + "  " + died;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private void stateJson(NetworkView view) throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter w = new JsonWriter(text);
        w.beginObject().name("event").value("state").name("nodes").beginArray();
        for (NetworkView.Node node : view.nodes()) {
            w.beginObject().name("group").value(node.group()).name("node").value(node.id()).name("state").value(lower(node.state()));
            time(w, "lastBirth", node.lastBirthMillis());
            time(w, "lastDeath", node.lastDeathMillis());
            w.name("bdSeq").value(node.bdSeq()).name("seq").value(node.lastSeq()).name("metrics").value(node.metrics().size());
            w.name("devices").beginArray();
            for (NetworkView.Device device : node.devices()) {
                w.beginObject().name("device").value(device.id()).name("state").value(lower(device.state()));
                time(w, "lastBirth", device.lastBirthMillis());
                time(w, "lastDeath", device.lastDeathMillis());
                w.name("metrics").value(device.metrics().size()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().name("hosts").beginArray();
        for (NetworkView.Host host : view.hosts()) {
            w.beginObject().name("host").value(host.id()).name("online").value(host.online()).endObject();
        }
        w.endArray().name("flags").value(view.flags().size()).endObject();
        out.println(text);
    }

    private void changeJson(SparkplugChange change) throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter w = new JsonWriter(text);
        w.beginObject();
        switch (change) {
            case SparkplugChange.StateChanged s -> {
                w.name("event").value("change");
                time(w, "time", s.atMillis());
                w.name("group").value(s.group()).name("node").value(s.node()).name("device").value(s.device())
                        .name("from").value(lower(s.from())).name("to").value(lower(s.to())).name("reason").value(s.reason());
            }
            case SparkplugChange.HostChanged h -> {
                w.name("event").value("host");
                time(w, "time", h.atMillis());
                w.name("host").value(h.hostId()).name("online").value(h.online());
            }
            case SparkplugChange.Flagged f -> {
                SparkplugFlag flag = f.flag();
                w.name("event").value("flag");
                time(w, "time", flag.atMillis());
                w.name("kind").value(flag.kind().name().toLowerCase(Locale.ROOT)).name("group").value(flag.group()).name("node").value(flag.node())
                        .name("device").value(flag.device()).name("detail").value(flag.detail()).name("messages").beginArray();
                for (ReceivedMessage m : flag.messages()) {
                    w.beginObject().name("topic").value(m.topic());
                    time(w, "received", m.receivedEpochMillis());
                    w.endObject();
                }
                w.endArray();
            }
        }
        w.endObject();
        out.println(text);
    }

    private static void time(JsonWriter w, String name, Long millis) throws IOException {
        if (millis != null) {
            w.name(name).value(Instant.ofEpochMilli(millis).toString());
        }
    }
}
