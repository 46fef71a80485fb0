package io.mqttworkbench.ui.replay;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.replay.RecordingReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the Replay tab words times and a recording's connection drops. */
final class ReplayTexts {
    private ReplayTexts() {
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** "; the connection dropped twice: at 0:05 (connection lost: …) for 1.2 s, …" or nothing. */
    static String gaps(List<RecordingReader.Marker> markers) {
        List<String> holes = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            RecordingReader.Marker m = markers.get(i);
            if (m.kind() != ConnectionMarker.Kind.DISCONNECT) {
                continue;
            }
            RecordingReader.Marker back = i + 1 < markers.size() && markers.get(i + 1).kind() != m.kind() ? markers.get(i + 1) : null;
            holes.add(String.format(Locale.ROOT, "at %s (%s)%s", clock(m.offsetMicros() / 1_000_000), m.text(), back == null ? ", never back"
                    : String.format(Locale.ROOT, " for %.1f s%s", (back.offsetMicros() - m.offsetMicros()) / 1e6,
                            back.sessionPresent() ? ", session resumed" : ", messages meanwhile missing")));
        }
        if (holes.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "; the recorder's connection dropped %s: %s", holes.size() == 1 ? "once" : holes.size() + " times",
                String.join("; ", holes.subList(0, Math.min(5, holes.size()))) + (holes.size() > 5 ? "; …" : ""));
    }
}
