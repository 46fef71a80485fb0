package io.mqttworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A subscriber in its own process ({@code mosquitto_sub}, the workbench's {@code sub}) whose output lines are
 * counted as they come: one line per message, so the count is what it received.
 */
final class CountingSubscriber implements AutoCloseable {
    private final String name;
    private final Process process;
    private final AtomicLong lines = new AtomicLong();
    private final Thread reader;

    private CountingSubscriber(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::count, "count-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static CountingSubscriber start(String name, List<String> command, Path errors) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new CountingSubscriber(name, process);
    }

    String name() {
        return name;
    }

    long received() {
        return lines.get();
    }

    long pid() {
        return process.pid();
    }

    private void count() {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                long found = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        found++;
                    }
                }
                lines.addAndGet(found);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Stops the process gently (so a persistent session is ended with DISCONNECT), then for good. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(2000);
    }
}
