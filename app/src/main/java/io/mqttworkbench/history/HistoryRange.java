package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A stretch of a history to read through: the messages received in {@code [fromMillis, toMillis]} (a null
 * end is open) on topics matching {@code topicFilter} ("" for every topic) that {@code keep} accepts (null:
 * all of them), such as the log's search. The topic filter is separate from {@code keep} so that counting a
 * range never has to read a payload.
 */
public record HistoryRange(Long fromMillis, Long toMillis, String topicFilter, Predicate<ReceivedMessage> keep) {

    /** Throws {@link IllegalArgumentException} for a topic filter that is not one, or an end before the start. */
    public HistoryRange {
        topicFilter = topicFilter == null ? "" : topicFilter.strip();
        if (!topicFilter.isEmpty()) {
            TopicFilter.of(topicFilter);
        }
        if (fromMillis != null && toMillis != null && toMillis < fromMillis) {
            throw new IllegalArgumentException("the end of the range is before its start");
        }
    }

    /** Every message between the two times (null ends are open). */
    public static HistoryRange between(Long fromMillis, Long toMillis) {
        return new HistoryRange(fromMillis, toMillis, "", null);
    }

    public HistoryRange onTopics(String filter) {
        return new HistoryRange(fromMillis, toMillis, filter, keep);
    }

    public HistoryRange keeping(Predicate<ReceivedMessage> test) {
        return new HistoryRange(fromMillis, toMillis, topicFilter, test);
    }

    /**
     * The range in words for "no stored messages …": " between 2026-11-26 14:05:00 and 2026-11-26 15:05:59 on
     * plant/#", " since …", " until …", or "" for the whole history, in {@code zone}.
     */
    public String describe(ZoneId zone) {
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        String when;
        if (fromMillis != null && toMillis != null) {
            when = " between " + shown.format(Instant.ofEpochMilli(fromMillis)) + " and " + shown.format(Instant.ofEpochMilli(toMillis));
        } else if (fromMillis != null) {
            when = " since " + shown.format(Instant.ofEpochMilli(fromMillis));
        } else if (toMillis != null) {
            when = " until " + shown.format(Instant.ofEpochMilli(toMillis));
        } else {
            when = "";
        }
        return when + (topicFilter.isEmpty() ? "" : " on " + topicFilter) + (keep == null ? "" : " that match the search");
    }

    long fromMicros() {
        return fromMillis == null ? Long.MIN_VALUE : fromMillis * 1000;
    }

    /** Inclusive: the whole last millisecond. */
    long toMicros() {
        return toMillis == null ? Long.MAX_VALUE : toMillis * 1000 + 999;
    }
}
