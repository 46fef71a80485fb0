package io.mqttworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs the command line in-process with captured output, the way a shell would see it. */
final class Cli {
    record Run(int exitCode, String out, String err) {
    }

    /** A command still running: its output so far can be read while it runs. */
    record Running(CompletableFuture<Run> result, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        String outputSoFar() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String errorsSoFar() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return start(args).result().join();
    }

    /** Runs with {@code input} as standard input. */
    static Run runWithInput(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkbenchCommand.run(args, new CliStreams(new java.io.ByteArrayInputStream(input), out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Running start(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Run> result = new CompletableFuture<>();
        // A thread of its own, like a process: the common pool has a single worker on a two-core machine, and a
        // long-running `sub` there would hold back the `pub` the test runs next.
        Thread command = new Thread(() -> {
            try {
                int code = WorkbenchCommand.run(args, new CliStreams(out, new PrintStream(err, true, StandardCharsets.UTF_8)));
                result.complete(new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "cli-" + String.join(" ", args));
        command.setDaemon(true);
        command.start();
        return new Running(result, out, err);
    }
}
