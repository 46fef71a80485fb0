package io.mqttworkbench.sparkplug;

/** The Sparkplug B message types of the {@code spBv1.0/GROUP/TYPE/NODE[/DEVICE]} namespace. */
public enum MessageType {
    NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD;

    /** Sent by the edge node about a device, with the device's id as the topic's last level. */
    public boolean aboutDevice() {
        return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
    }

    /** Sent by the edge node (not commands), so carrying its sequence number, except NDEATH (the will). */
    boolean carriesSeq() {
        return this != NDEATH && this != NCMD && this != DCMD;
    }

    static MessageType parse(String level) {
        for (MessageType type : values()) {
            if (type.name().equals(level)) {
                return type;
            }
        }
        return null;
    }
}
