package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.mqtt.ReceivedMessage;
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
            return texts.format("log.gap.lost", down, gap.down().text());
        }
        return texts.format("log.gap.back", down, gap.down().text(), TIME.format(Instant.ofEpochMilli(gap.up().epochMillis())),
                (gap.up().nanos() - gap.down().nanos()) / 1e9, gap.up().text());
    }
}
