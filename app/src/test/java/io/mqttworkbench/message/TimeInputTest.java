package io.mqttworkbench.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times typed into the log's search. */
class TimeInputTest {
    private static long at(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Test
    void readsTimesTodayAndDatesAndTheEndOfARangeIncludesWhatWasTyped() {
        LocalDate today = LocalDate.now();
        assertThat(TimeInput.parse("14:05", false)).contains(at(today.atTime(14, 5)));
        assertThat(TimeInput.parse("14:05", true)).contains(at(today.atTime(14, 5, 59, 999_000_000)));
        assertThat(TimeInput.parse("9:05:30", true)).contains(at(today.atTime(9, 5, 30, 999_000_000)));
        assertThat(TimeInput.parse("2026-11-26 14:05:30.250", true)).contains(at(LocalDateTime.of(2026, 11, 26, 14, 5, 30, 250_000_000)));
        assertThat(TimeInput.parse("  ", false)).isEmpty();
        assertThatThrownBy(() -> TimeInput.parse("yesterday", false))
                .hasMessage("Time 'yesterday': write 14:05, 14:05:30, 2026-11-26 14:05, 2026-11-26T13:05:00Z or a while ago such as 15m, 2h or 7d");
    }

    @Test
    void readsAWhileAgoAndInstantsWithTheirZone() {
        long now = 1_800_000_000_000L;
        assertThat(TimeInput.parse("15m", false, now)).contains(now - 15 * 60_000L);
        assertThat(TimeInput.parse("2h", false, now)).contains(now - 2 * 3_600_000L);
        assertThat(TimeInput.parse("7d", false, now)).contains(now - 7 * 86_400_000L);
        assertThat(TimeInput.parse("90s", false, now)).contains(now - 90_000L);
        assertThat(TimeInput.parse("2026-11-26T13:05:00Z", false)).contains(1_795_698_300_000L);
        assertThat(TimeInput.parse("2026-11-26T14:05:00+01:00", false)).contains(1_795_698_300_000L);
        assertThatThrownBy(() -> TimeInput.parse("999999999999d", false)).hasMessageContaining("too long ago");
    }
}
