package io.mqttworkbench.decode;

import java.util.Locale;

/**
 * Where decoders write: keeps only the part of the output that is asked for, and stops the decoder
 * at a limit, so no decoder can produce (or allocate) more than it was allowed, whatever the payload
 * claims about itself.
 *
 * <p>The text kept is the window {@code [from, from + size)} of the whole output; what comes before
 * is counted, not kept. Without counting, writing stops at the window's end; with it, writing goes on
 * (counted, not kept) to the end of the output or the limit, so that the total is known. Writing also
 * stops at a deadline: decoding never takes minutes, whatever the payload.
 */
final class BoundedText {
    private static final int TICKS_PER_CLOCK_LOOK = 1024;

    /** Why writing stopped. */
    private enum Stop { NONE, WINDOW, LIMIT, TIME }

    private final DecodeRequest.Window window;
    private final StringBuilder text;
    private final long windowEnd;
    private final long stopAt;
    private long total;
    /** Line breaks in the output before the window, so a later part's lines are numbered where they are. */
    private long linesBefore;
    private int ticks;
    private Stop stopped = Stop.NONE;

    BoundedText(DecodeRequest.Window window) {
        this.window = window;
        this.windowEnd = Math.min(window.cap(), window.from() + Math.max(0, window.size()));
        this.stopAt = window.count() ? window.cap() : windowEnd;
        this.text = new StringBuilder((int) Math.min(Math.max(0, windowEnd - window.from()), 8192));
    }

    /** Appends what fits; once the limit is reached {@link #full()} says so and the rest is ignored. */
    BoundedText append(CharSequence s) {
        if (full()) {
            return this;
        }
        int length = (int) Math.min(s.length(), stopAt - total);
        long keepFrom = Math.max(total, window.from());
        long keepTo = Math.min(total + length, windowEnd);
        if (total < window.from()) {
            int skipped = (int) Math.min(length, window.from() - total);
            for (int i = 0; i < skipped; i++) {
                if (s.charAt(i) == '\n') {
                    linesBefore++;
                }
            }
        }
        if (keepFrom < keepTo) {
            text.append(s, (int) (keepFrom - total), (int) (keepTo - total));
        }
        total += length;
        if (length < s.length()) {
            stop();
        }
        tick();
        return this;
    }

    BoundedText append(char c) {
        if (full()) {
            return this;
        }
        if (total >= stopAt) {
            stop();
            return this;
        }
        if (total >= window.from() && total < windowEnd) {
            text.append(c);
        } else if (total < window.from() && c == '\n') {
            linesBefore++;
        }
        total++;
        tick();
        return this;
    }

    /** For loops that read without writing: looks at the clock now and then, and stops at the deadline. */
    void tick() {
        if (++ticks == TICKS_PER_CLOCK_LOOK) {
            ticks = 0;
            if (System.nanoTime() - window.deadline() > 0 && stopped == Stop.NONE) {
                stopped = Stop.TIME;
            }
        }
    }

    private void stop() {
        if (stopped == Stop.NONE) {
            stopped = total >= window.cap() ? Stop.LIMIT : Stop.WINDOW;
        }
    }

    /** Nothing more is written: the window (or, when counting, the limit) is reached, or time is up. */
    boolean full() {
        return stopped != Stop.NONE;
    }

    /** True when there is (or may be) output after the text kept. */
    boolean more() {
        return full() || total > windowEnd;
    }

    /** True when this is the start of an output that goes on: the notes then say "showing the first part". */
    boolean firstPartOnly() {
        return window.from() == 0 && more();
    }

    /** The length of the whole output, when it was counted to its end; else -1. */
    long measuredTotal() {
        return window.count() && !full() ? total : -1;
    }

    long from() {
        return window.from();
    }

    /** Lines of the output before the text kept (0 for the first part). */
    long linesBefore() {
        return linesBefore;
    }

    /** Why the output stops short, for the note: the output limit or the time limit ("" when neither). */
    String stopReason() {
        return switch (stopped) {
            case LIMIT -> String.format(Locale.ROOT, "output stops at the %,d-character limit", window.cap());
            case TIME -> "decoding stopped at the " + (window.timeLimit().toMillis() % 1000 == 0 ? window.timeLimit().toSeconds() + " s"
                    : window.timeLimit().toMillis() + " ms") + " time limit";
            default -> "";
        };
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
