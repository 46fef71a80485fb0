package io.mqttworkbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Floods a broker at a steady rate: {@code mosquitto_pub -l} processes (one per topic, so the tree has more
 * than one leaf), each fed lines of exactly {@code payloadBytes} characters through its standard input. The
 * rate is kept here, against the clock, so the publisher costs little CPU of its own.
 */
final class FloodPublisher {
    private final String mosquittoPub;
    private final int port;
    private final int topics;
    private final int payloadBytes;
    private final int qos;

    FloodPublisher(String mosquittoPub, int port, int topics, int payloadBytes, int qos) {
        this.mosquittoPub = mosquittoPub;
        this.port = port;
        this.topics = topics;
        this.payloadBytes = payloadBytes;
        this.qos = qos;
    }

    /** Sends {@code total} messages at {@code perSecond} (0: as fast as the publishers take them); returns the seconds it took. */
    double send(long total, double perSecond, Path logs) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<OutputStream> inputs = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            Process p = new ProcessBuilder(mosquittoPub, "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", Integer.toString(qos),
                    "-t", "bench/flood/" + t, "-l")
                    .redirectErrorStream(true).redirectOutput(logs.resolve("mosquitto_pub-" + t + ".log").toFile()).start();
            processes.add(p);
            inputs.add(new BufferedOutputStream(p.getOutputStream(), 1 << 16));
        }
        byte[] line = new byte[payloadBytes + 1];
        byte[] filler = ("{\"seq\":00000000,\"v\":\"" + "x".repeat(payloadBytes) + "\"}").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(filler, 0, line, 0, payloadBytes);
        line[payloadBytes - 2] = '"';
        line[payloadBytes - 1] = '}';
        line[payloadBytes] = '\n';
        long start = System.nanoTime();
        long sent = 0;
        while (sent < total) {
            long due = perSecond <= 0 ? total : Math.min(total, (long) ((System.nanoTime() - start) * perSecond / 1e9));
            while (sent < due) {
                stamp(line, sent);
                inputs.get((int) (sent % topics)).write(line);
                sent++;
            }
            for (OutputStream in : inputs) {
                in.flush();
            }
            if (perSecond > 0) {
                LockSupport.parkNanos(500_000);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (OutputStream in : inputs) {
            in.close();
        }
        for (Process p : processes) {
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return seconds;
    }

    /** The sequence number as eight digits after {"seq":, so every payload differs. */
    private static void stamp(byte[] line, long seq) {
        long v = seq;
        for (int i = 14; i >= 7; i--) {
            line[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}
