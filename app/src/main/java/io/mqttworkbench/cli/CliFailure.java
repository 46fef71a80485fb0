package io.mqttworkbench.cli;

/** A user-facing failure: printed as one line on stderr, then the command exits with {@link #exitCode()}. */
final class CliFailure extends RuntimeException {
    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
