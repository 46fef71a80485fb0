package io.mqttworkbench.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where commands write. Standard output is a raw stream that commands buffer and flush themselves (per
 * batch of messages, never per message); tests pass in-memory streams.
 */
record CliStreams(java.io.InputStream in, OutputStream out, PrintStream err) {

    /** Without standard input: for commands that never read it. */
    CliStreams(OutputStream out, PrintStream err) {
        this(java.io.InputStream.nullInputStream(), out, err);
    }

    static CliStreams system() {
        return new CliStreams(System.in, new FileOutputStream(FileDescriptor.out), new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8));
    }
}
