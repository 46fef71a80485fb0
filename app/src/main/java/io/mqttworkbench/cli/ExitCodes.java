package io.mqttworkbench.cli;

/** Exit codes of the subcommands, documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    /** The broker could not be reached, refused us, or refused a message. */
    static final int FAILED = 1;
    /** Bad arguments or unreadable input files. */
    static final int USAGE = 2;
    /** {@code sub -n N --timeout S} ended before N messages arrived. */
    static final int TIMEOUT = 3;

    private ExitCodes() {
    }
}
