package io.mqttworkbench.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real window in its own process on a virtual display (Xvfb), started with the same JVM options as the
 * installed launcher and {@code --stats-file}, so its frame intervals, counts and memory can be read from the
 * outside; clicks are real X events sent with {@code xdotool}.
 */
final class BenchWindow implements AutoCloseable {
    /** Where the Topics and Messages tabs of a connection sit in a 1280×800 window; clicks alternate between them. */
    private static final int[][] TAB_POINTS = {{690, 122}, {786, 122}};

    private final Process xvfb;
    private final String display;
    private final Process window;
    private final Path statsFile;
    private final List<Long> clickSentMicros = new ArrayList<>();
    private int clicks;

    private BenchWindow(Process xvfb, String display, Process window, Path statsFile) {
        this.xvfb = xvfb;
        this.display = display;
        this.window = window;
        this.statsFile = statsFile;
    }

    static BenchWindow start(Path jar, List<String> jvmOptions, Path configDir, String profile, Path work, int displayNumber)
            throws IOException, InterruptedException {
        String display = ":" + displayNumber;
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        Thread.sleep(1000);
        Path stats = work.resolve("window-stats.jsonl");
        Files.deleteIfExists(stats);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--config-dir", configDir.toString(), "--connect", profile,
                "--stats-file", stats.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("window.log").toFile());
        builder.environment().put("DISPLAY", display);
        return new BenchWindow(xvfb, display, builder.start(), stats);
    }

    long pid() {
        return window.pid();
    }

    /** The newest statistics line, or null before the first. */
    JsonObject latest() throws IOException {
        List<JsonObject> all = lines();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    List<JsonObject> lines() throws IOException {
        if (!Files.exists(statsFile)) {
            return List.of();
        }
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(statsFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.endsWith("}")) {
                out.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return out;
    }

    JsonObject await(String what, Predicate<JsonObject> condition, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!window.isAlive()) {
                throw new IllegalStateException("the window exited while waiting for " + what);
            }
            JsonObject last = latest();
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the window did not get to '" + what + "' within " + timeoutSeconds + " s: " + latest());
    }

    /** Clicks the next connection tab with a real X event and remembers when it was sent. */
    void click() throws IOException, InterruptedException {
        int[] point = TAB_POINTS[clicks++ % TAB_POINTS.length];
        clickSentMicros.add(epochMicros());
        ProcessBuilder builder = new ProcessBuilder("xdotool", "mousemove", Integer.toString(point[0]), Integer.toString(point[1]),
                "click", "1").redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.start().waitFor(5, TimeUnit.SECONDS);
    }

    /** From each click sent to the window laid out after it, in milliseconds, for the clicks the window saw. */
    List<Double> clickToRepaintMillis() throws IOException {
        List<long[]> seen = new ArrayList<>();
        for (JsonObject line : lines()) {
            JsonArray clicksInLine = line.getAsJsonArray("clicks");
            for (int i = 0; i < clicksInLine.size(); i++) {
                JsonArray c = clicksInLine.get(i).getAsJsonArray();
                seen.add(new long[] {c.get(0).getAsLong(), c.get(1).getAsLong()});
            }
        }
        List<Double> out = new ArrayList<>();
        for (long sent : clickSentMicros) {
            // the press that followed the click within ten seconds; a click the window never saw is left out
            seen.stream().filter(c -> c[0] >= sent && c[0] - sent < 10_000_000).findFirst().ifPresent(c -> {
                out.add((c[1] - sent) / 1000.0);
                seen.remove(c);
            });
        }
        return out;
    }

    /** A full collection in the window's JVM, so the next heap figure is what is live. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(window.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
    }

    /** The window's own screenshot of itself at this moment (ImageMagick's import), for the record. */
    void screenshot(Path png) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("import", "-window", "root", png.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        builder.start().waitFor(20, TimeUnit.SECONDS);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    @Override
    public void close() throws InterruptedException {
        window.destroy();
        if (!window.waitFor(15, TimeUnit.SECONDS)) {
            window.destroyForcibly();
        }
        xvfb.destroy();
        xvfb.waitFor(5, TimeUnit.SECONDS);
    }
}
