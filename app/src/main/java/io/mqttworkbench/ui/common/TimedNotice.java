package io.mqttworkbench.ui.common;

import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A sentence about what just happened, for a {@link NoticeBar}: an outcome goes by itself a while after
 * it was first seen, a problem stays until dismissed, and work under way stays until its outcome replaces
 * it. Time comes from the frames ({@link #onFrame}), so a test can move it on. JavaFX thread.
 */
public final class TimedNotice {
    /** How long an outcome stays: long enough to read twice, short enough not to be furniture. */
    public static final Duration SHOWN_FOR = Duration.ofSeconds(20);

    private enum Kind { OUTCOME, UNDER_WAY, PROBLEM }

    private final long shownForNanos;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private Kind kind = Kind.OUTCOME;
    /** When a frame first saw the outcome on show; 0 before. */
    private long seenNanos;

    public TimedNotice() {
        this(SHOWN_FOR);
    }

    public TimedNotice(Duration shownFor) {
        this.shownForNanos = shownFor.toNanos();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Shown as a problem: coloured so, and kept until dismissed. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What happened; it goes after {@link #SHOWN_FOR}. */
    public void outcome(String sentence) {
        set(sentence, Kind.OUTCOME);
    }

    /** Work under way ("Exporting…"): it stays until an outcome or a problem replaces it. */
    public void underWay(String sentence) {
        set(sentence, Kind.UNDER_WAY);
    }

    /** What went wrong: it stays until dismissed. */
    public void problem(String sentence) {
        set(sentence, Kind.PROBLEM);
    }

    public void dismiss() {
        set("", Kind.OUTCOME);
    }

    /** Lets an outcome go once it has been on show long enough. */
    public void onFrame(long nowNanos) {
        if (kind != Kind.OUTCOME || text.get().isEmpty()) {
            return;
        }
        if (seenNanos == 0) {
            seenNanos = nowNanos == 0 ? 1 : nowNanos;
        } else if (nowNanos - seenNanos >= shownForNanos) {
            dismiss();
        }
    }

    private void set(String sentence, Kind newKind) {
        kind = newKind;
        seenNanos = 0;
        problem.set(newKind == Kind.PROBLEM);
        text.set(sentence);
    }
}
