package io.mqttworkbench.message;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times typed into the log's search or given to {@code history --since}: a time today ("14:05",
 * "14:05:30.250"), a date and time ("2026-11-26 14:05") in the local zone, an instant with its zone
 * ("2026-11-26T13:05:00Z"), or a while ago ("90s", "15m", "2h", "7d"), as epoch milliseconds.
 */
public final class TimeInput {
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss[.SSS]]"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss[.SSS]]");
    private static final Pattern AGO = Pattern.compile("(\\d{1,12})\\s*([smhd])");

    private TimeInput() {
    }

    /**
     * @param endOfRange true for the end of a range: "14:05" then means up to 14:05:59.999
     * @throws IllegalArgumentException naming the formats that are understood
     */
    public static Optional<Long> parse(String text, boolean endOfRange) {
        return parse(text, endOfRange, System.currentTimeMillis());
    }

    static Optional<Long> parse(String text, boolean endOfRange, long nowMillis) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            long unit = switch (ago.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            if (amount > Long.MAX_VALUE / unit / 2) {
                throw new QueryProblem.Refused(QueryProblem.of(QueryProblem.Why.TIME_TOO_LONG_AGO, t));
            }
            return Optional.of(nowMillis - amount * unit);
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant().toEpochMilli());
        } catch (DateTimeParseException notAnInstant) {
            // a local time then
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
            throw new QueryProblem.Refused(QueryProblem.of(QueryProblem.Why.TIME_UNREADABLE, t));
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
