package io.mqttworkbench.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The traffic the history candidates are measured with: a plant of 8 lines × 5 cells × 10 machines, 2,040
 * topics 4 to 6 levels deep, JSON telemetry of about 100 bytes with varying numbers and a few text fields,
 * QoS 0/1/2 as 70/29/1 %, 0.5 % retained, 5 % with MQTT 5 properties (a content type and user properties).
 * One in a hundred cell status messages says "Overheat on spindle N": what the text and regex searches find.
 * Deterministic for a seed, so both databases get the same messages.
 */
final class HistoryWorkload {

    /** One message as the history writer gets it; time strictly increasing (the writer guarantees that). */
    record Msg(long timeUs, String topic, int qos, boolean retain, int subscription, byte[] payload, byte[] properties) {
    }

    /** Machines per cell: 10 gives 2,040 topics; bench.machines=100 gives 20,040, for the many-topics run. */
    static final int MACHINES = Integer.getInteger("bench.machines", 10);
    static final String[] METRICS = {"temperature", "pressure", "counter", "state"};
    private static final String[] STATES = {"RUNNING", "RUNNING", "RUNNING", "IDLE", "SETUP", "STOPPED"};
    private static final String[] OPERATORS = {"j.smith", "a.kowalski", "m.tanaka", "l.moreau", "r.okafor"};
    private static final String[] STATUS_TEXT = {"cycle complete", "waiting for material", "door open", "tool change",
            "cycle complete", "cycle complete", "warming up"};
    private static final String[] QUALITY = {"GOOD", "GOOD", "GOOD", "GOOD", "UNCERTAIN", "BAD"};

    private final List<String> topics = new ArrayList<>();
    private final SplittableRandom random;
    private long timeUs;
    private final long meanStepUs;
    private long seq;

    /**
     * @param startUs time of the first message, epoch µs
     * @param meanStepUs mean gap between messages: 8,640 µs spreads 10,000,000 messages over 24 hours
     */
    HistoryWorkload(long seed, long startUs, long meanStepUs) {
        this.random = new SplittableRandom(seed);
        this.timeUs = startUs;
        this.meanStepUs = meanStepUs;
        for (int line = 1; line <= 8; line++) {
            for (int cell = 1; cell <= 5; cell++) {
                String cellTopic = "plant/line" + line + "/cell" + cell;
                topics.add(cellTopic + "/status");
                for (int machine = 1; machine <= MACHINES; machine++) {
                    String m = cellTopic + "/m" + (machine < 10 ? "0" : "") + machine;
                    for (String metric : METRICS) {
                        topics.add(m + "/" + metric);
                    }
                    topics.add(m + "/diag/vibration");
                }
            }
        }
    }

    List<String> topics() {
        return topics;
    }

    /** The next message; its time follows the previous one by 1 to 2 × the mean step. */
    Msg next() {
        timeUs += 1 + random.nextLong(2 * meanStepUs - 1);
        return at(timeUs);
    }

    /** A message stamped {@code timeUs} (for a writer that takes the time from the clock). */
    Msg at(long timeUs) {
        int t = random.nextInt(topics.size());
        String topic = topics.get(t);
        int q = random.nextInt(100);
        int qos = q < 70 ? 0 : q < 99 ? 1 : 2;
        boolean retain = random.nextInt(200) == 0;
        byte[] properties = random.nextInt(20) == 0 ? properties() : null;
        return new Msg(timeUs, topic, qos, retain, t % 3, payload(topic, timeUs / 1000), properties);
    }

    private byte[] properties() {
        StringBuilder s = new StringBuilder(100).append("{\"contentType\":\"application/json\",\"userProperties\":[");
        s.append("{\"key\":\"shift\",\"value\":\"").append((char) ('A' + random.nextInt(3))).append("\"}");
        if (random.nextBoolean()) {
            s.append(",{\"key\":\"batch\",\"value\":\"B-").append(20000 + random.nextInt(1000)).append("\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] payload(String topic, long millis) {
        StringBuilder s = new StringBuilder(128).append("{\"ts\":").append(millis);
        seq++;
        if (topic.endsWith("/temperature")) {
            s.append(",\"value\":");
            decimal(s, 20 + random.nextInt(7500) / 100.0, 3);
            s.append(",\"unit\":\"degC\",\"quality\":\"").append(pick(QUALITY)).append("\",\"sensor\":\"PT100-")
                    .append(random.nextInt(100)).append("\",\"seq\":").append(seq);
        } else if (topic.endsWith("/pressure")) {
            s.append(",\"value\":");
            decimal(s, 3.5 + random.nextInt(10000) / 10000.0, 4);
            s.append(",\"unit\":\"bar\",\"setpoint\":4.0,\"quality\":\"").append(pick(QUALITY)).append("\",\"seq\":").append(seq);
        } else if (topic.endsWith("/counter")) {
            s.append(",\"count\":").append(seq * 3 + random.nextInt(3)).append(",\"rejects\":").append(random.nextInt(40))
                    .append(",\"rate\":");
            decimal(s, 40 + random.nextInt(3000) / 100.0, 2);
            s.append(",\"job\":\"WO-").append(48000 + random.nextInt(500)).append("\",\"shift\":\"B\"");
        } else if (topic.endsWith("/state")) {
            s.append(",\"state\":\"").append(pick(STATES)).append("\",\"mode\":\"AUTO\",\"operator\":\"").append(pick(OPERATORS))
                    .append("\",\"job\":\"WO-").append(48000 + random.nextInt(500)).append("\",\"alarm\":")
                    .append(random.nextInt(50) == 0);
        } else if (topic.endsWith("/vibration")) {
            s.append(",\"rms\":");
            decimal(s, random.nextInt(1000) / 10000.0, 4);
            s.append(",\"peak\":");
            decimal(s, random.nextInt(5000) / 10000.0, 4);
            s.append(",\"freq\":[");
            decimal(s, 49.5 + random.nextInt(100) / 100.0, 2);
            s.append(',');
            decimal(s, 99 + random.nextInt(200) / 100.0, 2);
            s.append("],\"alarm\":false");
        } else {
            String text = random.nextInt(100) == 0 ? "Overheat on spindle " + (1 + random.nextInt(6)) : pick(STATUS_TEXT);
            s.append(",\"status\":\"").append(text.startsWith("Overheat") ? "ALARM" : "OK").append("\",\"message\":\"").append(text)
                    .append("\",\"temp\":");
            decimal(s, 20 + random.nextInt(400) / 10.0, 1);
            s.append(",\"parts\":").append(seq % 100000);
        }
        return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Fixed decimals without String.format (which would dominate the generator's time). */
    private static void decimal(StringBuilder s, double value, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long scaled = Math.round(value * scale);
        s.append(scaled / scale).append('.');
        String fraction = Long.toString(scaled % scale);
        for (int i = fraction.length(); i < decimals; i++) {
            s.append('0');
        }
        s.append(fraction);
    }
}
