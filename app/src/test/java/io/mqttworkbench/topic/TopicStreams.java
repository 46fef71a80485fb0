package io.mqttworkbench.topic;

import java.util.ArrayList;
import java.util.List;

/** Topic sets shaped like a factory's: site/area/line/machine/sensor/metric. */
final class TopicStreams {
    private static final String[] METRICS = {"temperature", "pressure", "speed", "state", "vibration"};

    private TopicStreams() {
    }

    /** {@code count} distinct topics of exactly six levels, sharing prefixes the way real plants do. */
    static List<String> sixLevelTopics(int count) {
        List<String> topics = new ArrayList<>(count);
        int i = 0;
        outer:
        for (int site = 0; ; site++) {
            for (int area = 0; area < 10; area++) {
                for (int line = 0; line < 10; line++) {
                    for (int machine = 0; machine < 20; machine++) {
                        for (int sensor = 0; sensor < 4; sensor++) {
                            for (String metric : METRICS) {
                                if (i++ == count) {
                                    break outer;
                                }
                                topics.add(String.format("site-%d/area-%02d/line-%02d/machine-%03d/sensor-%d/%s",
                                        site, area, line, machine, sensor, metric));
                            }
                        }
                    }
                }
            }
        }
        return topics;
    }
}
