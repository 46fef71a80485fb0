package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times typed into the log's search. */
class TimeOfDayTest {
    private static long at(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Test
    void readsTimesTodayAndDatesAndTheEndOfARangeIncludesWhatWasTyped() {
        LocalDate today = LocalDate.now();
        assertThat(TimeOfDay.parse("14:05", false)).contains(at(today.atTime(14, 5)));
        assertThat(TimeOfDay.parse("14:05", true)).contains(at(today.atTime(14, 5, 59, 999_000_000)));
        assertThat(TimeOfDay.parse("9:05:30", true)).contains(at(today.atTime(9, 5, 30, 999_000_000)));
        assertThat(TimeOfDay.parse("2026-11-26 14:05:30.250", true)).contains(at(LocalDateTime.of(2026, 11, 26, 14, 5, 30, 250_000_000)));
        assertThat(TimeOfDay.parse("  ", false)).isEmpty();
        assertThatThrownBy(() -> TimeOfDay.parse("yesterday", false)).hasMessage("Time 'yesterday': write 14:05, 14:05:30 or 2026-11-26 14:05");
    }
}
