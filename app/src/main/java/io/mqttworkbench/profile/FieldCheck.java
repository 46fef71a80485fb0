package io.mqttworkbench.profile;

/**
 * The verdict on one field of a profile: fine, worth a warning (saving is allowed), or an error
 * (saving is not). The message says what is wrong and, where possible, what to do.
 */
public record FieldCheck(Severity severity, String message) {

    public enum Severity { OK, INFO, WARNING, ERROR }

    public static final FieldCheck OK = new FieldCheck(Severity.OK, "");

    public static FieldCheck info(String message) {
        return new FieldCheck(Severity.INFO, message);
    }

    public static FieldCheck warning(String message) {
        return new FieldCheck(Severity.WARNING, message);
    }

    public static FieldCheck error(String message) {
        return new FieldCheck(Severity.ERROR, message);
    }

    public boolean blocksSaving() {
        return severity == Severity.ERROR;
    }
}
