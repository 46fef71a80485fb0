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
    record Running(CompletableFuture<Run> result, ByteArrayOutputStream out) {
        String outputSoFar() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return start(args).result().join();
    }

    static Running start(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Run> result = CompletableFuture.supplyAsync(() -> {
            int code = WorkbenchCommand.run(args, new CliStreams(out, new PrintStream(err, true, StandardCharsets.UTF_8)));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
        return new Running(result, out);
    }
}
