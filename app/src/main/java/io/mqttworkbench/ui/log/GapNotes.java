package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The holes in a connection's traffic, told in words for the row after each. */
final class GapNotes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final ConnectionGaps gaps;
    private final Texts texts;

    GapNotes(ConnectionGaps gaps, Texts texts) {
        this.gaps = gaps;
        this.texts = texts;
    }

    Optional<String> gapBefore(ReceivedMessage earlier, ReceivedMessage message) {
        if (earlier == null || message == null || RowWindow.isPlaceholder(earlier) || RowWindow.isPlaceholder(message)) {
            return Optional.empty();
        }
        long first = Math.min(earlier.receivedNanos(), message.receivedNanos());
        long last = Math.max(earlier.receivedNanos(), message.receivedNanos()); // the rows may run newest first
        return gaps.between(first, last).map(this::describe);
    }

    String describe(ConnectionGaps.Gap gap) {
        String down = TIME.format(Instant.ofEpochMilli(gap.down().epochMillis()));
        if (gap.open()) {
            return texts.format("log.gap.lost", down, reason(gap.down()));
        }
        return texts.format("log.gap.back", down, reason(gap.down()), TIME.format(Instant.ofEpochMilli(gap.up().epochMillis())),
                (gap.up().nanos() - gap.down().nanos()) / 1e9, reason(gap.up()));
    }

    /** The MQTT layer writes a marker's text in English: its fixed notes, a state's name and reason codes are put in the window's language. */
    private String reason(ConnectionMarker marker) {
        String text = marker.text();
        if (ConnectionMarker.SESSION_RESUMED.equals(text) || ConnectionMarker.NEW_SESSION.equals(text)) {
            return texts.text(ConnectionMarker.SESSION_RESUMED.equals(text) ? "domain.message.gap.resumed" : "domain.message.gap.new_session");
        }
        for (ConnectionState state : ConnectionState.values()) {
            if (state.label().equals(text)) {
                return texts.text("common.state." + state.name().toLowerCase(Locale.ROOT));
            }
        }
        return new ProblemTexts(texts).reasons(text);
    }
}
