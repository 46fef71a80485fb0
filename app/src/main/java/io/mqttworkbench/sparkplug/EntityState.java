package io.mqttworkbench.sparkplug;

/** What is known of an edge node or a device. */
public enum EntityState {
    /** Born (NBIRTH/DBIRTH) and not dead since. */
    ONLINE,
    /** Dead (NDEATH/DDEATH), or its node died. */
    OFFLINE,
    /** Publishing data, but no birth was seen since we started listening: names of aliases are unknown. */
    STALE
}
