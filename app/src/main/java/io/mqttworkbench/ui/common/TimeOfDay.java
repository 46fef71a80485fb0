package io.mqttworkbench.ui.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Times typed into the log's search: a time today ("14:05", "14:05:30.250") or a date and time
 * ("2026-11-26 14:05"), in the local zone, as epoch milliseconds.
 */
public final class TimeOfDay {
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss[.SSS]]"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss[.SSS]]");

    private TimeOfDay() {
    }

    /**
     * @param endOfRange true for the end of a range: "14:05" then means up to 14:05:59.999
     * @throws IllegalArgumentException naming the formats that are understood
     */
    public static Optional<Long> parse(String text, boolean endOfRange) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.systemDefault();
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                LocalDateTime at = LocalDateTime.parse(t, format);
                return Optional.of(extend(at, t, endOfRange).atZone(zone).toInstant().toEpochMilli());
            } catch (DateTimeParseException notThisOne) {
                // try the next form
            }
        }
        try {
            LocalTime time = LocalTime.parse(t, TIME);
            return Optional.of(extend(LocalDateTime.of(LocalDate.now(zone), time), t, endOfRange).atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Time '" + t + "': write 14:05, 14:05:30 or 2026-11-26 14:05");
        }
    }

    /** The end of a range includes the whole minute or second that was typed. */
    private static LocalDateTime extend(LocalDateTime at, String typed, boolean endOfRange) {
        if (!endOfRange || typed.contains(".")) {
            return at;
        }
        long colons = typed.chars().filter(c -> c == ':').count();
        return colons >= 2 ? at.plusSeconds(1).minusNanos(1_000_000) : at.plusMinutes(1).minusNanos(1_000_000);
    }
}
