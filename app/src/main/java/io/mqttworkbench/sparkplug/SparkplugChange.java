package io.mqttworkbench.sparkplug;

/** What a message changed in the network's state, for a log of changes (the command line prints one line each). */
public sealed interface SparkplugChange {

    /** A node ({@code device == null}) or device came online, went offline or turned out stale. */
    record StateChanged(String group, String node, String device, EntityState from, EntityState to, long atMillis, String reason)
            implements SparkplugChange {

        public String where() {
            return group + "/" + node + (device == null ? "" : "/" + device);
        }
    }

    /** A host application said it is online or offline (its STATE message). */
    record HostChanged(String hostId, boolean online, long atMillis) implements SparkplugChange {
    }

    /** A rule was broken. */
    record Flagged(SparkplugFlag flag) implements SparkplugChange {
    }
}
