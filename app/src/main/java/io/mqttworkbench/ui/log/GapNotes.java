package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The holes in a connection's traffic, told in words for the row after each. */
final class GapNotes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final ConnectionGaps gaps;

    GapNotes(ConnectionGaps gaps) {
        this.gaps = gaps;
    }

    Optional<String> gapBefore(ReceivedMessage earlier, ReceivedMessage message) {
        if (earlier == null || message == null || RowWindow.isPlaceholder(earlier) || RowWindow.isPlaceholder(message)) {
            return Optional.empty();
        }
        long first = Math.min(earlier.receivedNanos(), message.receivedNanos());
        long last = Math.max(earlier.receivedNanos(), message.receivedNanos()); // the rows may run newest first
        return gaps.between(first, last).map(GapNotes::describe);
    }

    static String describe(ConnectionGaps.Gap gap) {
        String down = "Connection lost at " + TIME.format(Instant.ofEpochMilli(gap.down().epochMillis())) + " (" + gap.down().text() + ")";
        if (gap.open()) {
            return down;
        }
        return down + String.format(Locale.ROOT, ";%nback at %s, after %.1f s: %s", TIME.format(Instant.ofEpochMilli(gap.up().epochMillis())),
                (gap.up().nanos() - gap.down().nanos()) / 1e9, gap.up().text());
    }
}
