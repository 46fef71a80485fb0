package io.mqttworkbench.cli;

/** The command line in a JVM of its own, for tests that kill it: {@code java -cp <test classpath> ...RecordChild record ...}. */
public final class RecordChild {
    private RecordChild() {
    }

    public static void main(String[] args) {
        System.exit(WorkbenchCommand.run(args));
    }
}
