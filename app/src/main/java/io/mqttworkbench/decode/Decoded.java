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
 */
public record Decoded(PayloadFormat format, String text, Syntax syntax, String note, String error, boolean truncated) {

    public Decoded {
        text = text == null ? "" : text;
        note = note == null ? "" : note;
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    /** The same view, said to have come through an outer layer ("Base64", "gzip"). */
    Decoded within(PayloadFormat outer, String outerNote) {
        String inner = format.label() + (note.isEmpty() ? "" : ", " + note);
        return new Decoded(outer, text, syntax, outerNote + "; then " + inner, error, truncated);
    }
}
