package io.mqttworkbench.ui.replay;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.replay.ReadProblem;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.replay.ReplayOptions;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the Replay tab words times, a recording's connection drops, what could not be read and a wrong option. */
final class ReplayTexts {
    /** Drops named one by one; more are summed up as "…". */
    private static final int NAMED_GAPS = 5;

    private ReplayTexts() {
    }

    /** "1:02:03" or "2:03": digits, the same in every language. */
    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** "the recorder's connection dropped twice: at 0:05 (connection lost: …) for 1.2 s, …", or "" without a drop. */
    static String gaps(List<RecordingReader.Marker> markers, Texts texts) {
        List<String> holes = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            RecordingReader.Marker m = markers.get(i);
            if (m.kind() != ConnectionMarker.Kind.DISCONNECT) {
                continue;
            }
            RecordingReader.Marker back = i + 1 < markers.size() && markers.get(i + 1).kind() != m.kind() ? markers.get(i + 1) : null;
            String at = clock(m.offsetMicros() / 1_000_000);
            holes.add(back == null ? texts.format("replay.gap.never", at, m.text())
                    : texts.format(back.sessionPresent() ? "replay.gap.resumed" : "replay.gap.missing", at, m.text(),
                            (back.offsetMicros() - m.offsetMicros()) / 1e6));
        }
        if (holes.isEmpty()) {
            return "";
        }
        String named = holes.get(0);
        for (String hole : holes.subList(1, Math.min(NAMED_GAPS, holes.size()))) {
            named = more(texts, named, hole);
        }
        if (holes.size() > NAMED_GAPS) {
            named = more(texts, named, "…");
        }
        return holes.size() == 1 ? texts.format("replay.gaps.once", named) : texts.format("replay.gaps.many", holes.size(), named);
    }

    /** {@code text} and then {@code more}, as the language separates two clauses: "a; b", "a；b". */
    static String more(Texts texts, String text, String more) {
        return texts.format("replay.info.more", text, more);
    }

    /** A line or file the reader could not read, in the window's language (the command line prints {@link ReadProblem#message()}). */
    static String problem(ReadProblem p, Texts texts) {
        return texts.format("domain.replay.read." + p.why().name().toLowerCase(Locale.ROOT), p.number(), p.reason());
    }

    /** A wrong replay option, in the window's language; a filter's fault is worded as the topic rules are. */
    static String problem(ReplayOptions.Problem p, Texts texts) {
        String reason = p.why() == ReplayOptions.Problem.Why.BAD_FILTER ? new ProblemTexts(texts).filter(p.filter()) : "";
        return texts.format("domain.replay.option." + p.why().name().toLowerCase(Locale.ROOT), p.filter(), reason.isEmpty() ? p.reason() : reason);
    }
}
