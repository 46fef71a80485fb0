package io.mqttworkbench.profile;

/**
 * The verdict on one field of a profile: fine, worth a warning (saving is allowed), an error (saving is
 * not), or still being worked out in the background (saving waits). The message says what is wrong and,
 * where possible, what to do; {@code problem} is the same in parts, for the window's language, or null
 * when the message is free text (such as a certificate reader's explanation).
 */
public record FieldCheck(Severity severity, String message, CheckProblem problem) {

    public enum Severity { OK, INFO, PENDING, WARNING, ERROR }

    public static final FieldCheck OK = new FieldCheck(Severity.OK, "", null);

    public FieldCheck(Severity severity, CheckProblem problem) {
        this(severity, problem.message(), problem);
    }

    public static FieldCheck info(String message) {
        return new FieldCheck(Severity.INFO, message, null);
    }

    public static FieldCheck warning(String message) {
        return new FieldCheck(Severity.WARNING, message, null);
    }

    public static FieldCheck pending(String message) {
        return new FieldCheck(Severity.PENDING, message, null);
    }

    public static FieldCheck error(String message) {
        return new FieldCheck(Severity.ERROR, message, null);
    }

    static FieldCheck info(CheckProblem.Rule rule, Object... values) {
        return new FieldCheck(Severity.INFO, CheckProblem.of(rule, values));
    }

    static FieldCheck warning(CheckProblem.Rule rule, Object... values) {
        return new FieldCheck(Severity.WARNING, CheckProblem.of(rule, values));
    }

    static FieldCheck error(CheckProblem.Rule rule, Object... values) {
        return new FieldCheck(Severity.ERROR, CheckProblem.of(rule, values));
    }

    /** Two verdicts are equal when they say the same: the parts behind a message do not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FieldCheck that && severity == that.severity && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return 31 * severity.hashCode() + message.hashCode();
    }

    public boolean blocksSaving() {
        return severity == Severity.ERROR || severity == Severity.PENDING;
    }
}
