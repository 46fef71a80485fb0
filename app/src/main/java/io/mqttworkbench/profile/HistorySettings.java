package io.mqttworkbench.profile;

import java.time.Duration;

/**
 * What a profile keeps of its received messages on disk, and for how long: the oldest go first when the
 * history is older than {@code maxAge} or takes more than {@code maxBytes}.
 *
 * @param keepOnDisk whether received messages go to the profile's history file at all
 * @param maxAge at least an hour, at most {@link #MAX_AGE}
 * @param maxBytes at least a MiB, at most {@link #MAX_BYTES}
 */
public record HistorySettings(boolean keepOnDisk, Duration maxAge, long maxBytes) {

    public static final long MIB = 1024L * 1024;
    public static final long GIB = 1024 * MIB;
    public static final Duration MAX_AGE = Duration.ofDays(3650);
    public static final long MAX_BYTES = 1024 * GIB;
    /** Issue 16's defaults: a week, 2 GiB (after the bounds: the constructor checks against them). */
    public static final HistorySettings DEFAULT = new HistorySettings(true, Duration.ofDays(7), 2 * GIB);

    public HistorySettings {
        if (maxAge == null || maxAge.compareTo(Duration.ofHours(1)) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
            throw new IllegalArgumentException("the history's longest age must be between 1 hour and " + MAX_AGE.toDays() + " days");
        }
        if (maxBytes < MIB || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("the history's largest size must be between 1 MiB and " + MAX_BYTES / GIB + " GiB");
        }
    }

    public HistorySettings withKeepOnDisk(boolean keep) {
        return new HistorySettings(keep, maxAge, maxBytes);
    }
}
