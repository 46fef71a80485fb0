package io.mqttworkbench.decode;

/**
 * A string builder that stops at a limit, so no decoder can produce (or allocate) more than it was
 * allowed, whatever the payload claims about itself.
 */
final class BoundedText {
    private final StringBuilder text;
    private final int limit;
    private boolean full;

    BoundedText(int limit) {
        this.limit = Math.max(0, limit);
        this.text = new StringBuilder(Math.min(this.limit, 8192));
    }

    /** Appends what fits; once the limit is reached {@link #full()} says so and the rest is ignored. */
    BoundedText append(CharSequence s) {
        if (full) {
            return this;
        }
        int room = limit - text.length();
        if (s.length() > room) {
            text.append(s, 0, room);
            full = true;
        } else {
            text.append(s);
        }
        return this;
    }

    BoundedText append(char c) {
        if (full) {
            return this;
        }
        if (text.length() >= limit) {
            full = true;
        } else {
            text.append(c);
        }
        return this;
    }

    boolean full() {
        return full;
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
