package io.mqttworkbench.decode;

/**
 * A payload as a decoder shows it. Never null parts: a decoder that could not read the payload says so
 * in {@code error} and shows what it can in {@code text} (usually the payload as text or hex).
 *
 * @param format the decoder that produced the text (for a fallback: the one that did)
 * @param text what to show, at most the character limit the caller gave
 * @param note a short description: "1.2 KB, pretty-printed", "gzip, 40 KB inflated, then JSON"
 * @param error why the chosen or detected format could not be read, or empty
 * @param truncated true when {@code text} stops at the limit and there is more
 * @param from where {@code text} starts in the whole output (0 unless a later part was asked for)
 * @param total the length of the whole output when it was measured (a later part was asked for), else -1
 * @param firstLine the line of the whole output {@code text} starts on, from 0
 */
public record Decoded(PayloadFormat format, String text, Syntax syntax, String note, String error, boolean truncated, long from, long total,
                      long firstLine) {

    public Decoded {
        text = text == null ? "" : text;
        note = note == null ? "" : note;
        error = error == null ? "" : error;
    }

    public Decoded(PayloadFormat format, String text, Syntax syntax, String note, String error, boolean truncated) {
        this(format, text, syntax, note, error, truncated, 0, -1, 0);
    }

    /** What a decoder wrote into {@code out}, with why the output stops short (if it does) added to the note. */
    static Decoded of(PayloadFormat format, BoundedText out, Syntax syntax, String note) {
        String reason = out.stopReason();
        String full = reason.isEmpty() ? note : note.isEmpty() ? reason : note + "; " + reason;
        return new Decoded(format, out.toString(), syntax, full, "", out.more(), out.from(), out.measuredTotal(), out.linesBefore());
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    /** The same view, said to have come through an outer layer ("Base64", "gzip"). */
    Decoded within(PayloadFormat outer, String outerNote) {
        String inner = format.label() + (note.isEmpty() ? "" : ", " + note);
        return new Decoded(outer, text, syntax, outerNote + "; then " + inner, error, truncated, from, total, firstLine);
    }

    /** The same view with another note, error or truncation. */
    Decoded with(String note, String error, boolean truncated) {
        return new Decoded(format, text, syntax, note, error, truncated, from, total, firstLine);
    }
}
