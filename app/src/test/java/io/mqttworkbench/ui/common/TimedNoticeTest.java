package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An outcome goes by itself once it has been on show long enough; a problem, and work under way, stay. */
class TimedNoticeTest {
    private static final long SECOND = 1_000_000_000L;
    private final TimedNotice notice = new TimedNotice(Duration.ofSeconds(20));

    @Test
    void anOutcomeGoesTwentySecondsAfterAFrameFirstShowedIt() {
        notice.outcome("Exported 3 messages");
        notice.onFrame(100 * SECOND); // first seen now, however long it waited for a frame
        notice.onFrame(119 * SECOND);
        assertThat(notice.textProperty().get()).isEqualTo("Exported 3 messages");
        notice.onFrame(120 * SECOND);
        assertThat(notice.textProperty().get()).isEmpty();
    }

    @Test
    void aNewOutcomeStartsItsOwnTime() {
        notice.outcome("first");
        notice.onFrame(0);
        notice.onFrame(15 * SECOND);
        notice.outcome("second");
        notice.onFrame(16 * SECOND);
        notice.onFrame(30 * SECOND);
        assertThat(notice.textProperty().get()).isEqualTo("second");
        notice.onFrame(36 * SECOND);
        assertThat(notice.textProperty().get()).isEmpty();
    }

    @Test
    void aProblemStaysUntilDismissedAndWorkUnderWayUntilItsOutcome() {
        notice.problem("Export failed: disk full");
        notice.onFrame(SECOND);
        notice.onFrame(3600 * SECOND);
        assertThat(notice.textProperty().get()).isEqualTo("Export failed: disk full");
        assertThat(notice.problemProperty().get()).isTrue();
        notice.dismiss();
        assertThat(notice.textProperty().get()).isEmpty();
        assertThat(notice.problemProperty().get()).isFalse();

        notice.underWay("Exporting 1,000,000 messages…");
        notice.onFrame(3601 * SECOND);
        notice.onFrame(7200 * SECOND);
        assertThat(notice.textProperty().get()).isEqualTo("Exporting 1,000,000 messages…");
        notice.outcome("Exported 1,000,000 messages");
        assertThat(notice.problemProperty().get()).isFalse();
    }
}
