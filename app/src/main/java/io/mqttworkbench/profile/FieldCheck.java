package io.mqttworkbench.profile;

/**
 * The verdict on one field of a profile: fine, worth a warning (saving is allowed), an error (saving is
 * not), or still being worked out in the background (saving waits). The message says what is wrong and,
 * where possible, what to do.
 */
public record FieldCheck(Severity severity, String message) {

    public enum Severity { OK, INFO, PENDING, WARNING, ERROR }

    public static final FieldCheck OK = new FieldCheck(Severity.OK, "");

    public static FieldCheck info(String message) {
        return new FieldCheck(Severity.INFO, message);
    }

    public static FieldCheck warning(String message) {
        return new FieldCheck(Severity.WARNING, message);
    }

    public static FieldCheck pending(String message) {
        return new FieldCheck(Severity.PENDING, message);
    }

    public static FieldCheck error(String message) {
        return new FieldCheck(Severity.ERROR, message);
    }

    public boolean blocksSaving() {
        return severity == Severity.ERROR || severity == Severity.PENDING;
    }
}
