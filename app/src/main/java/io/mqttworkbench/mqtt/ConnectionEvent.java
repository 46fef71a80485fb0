package io.mqttworkbench.mqtt;

/** One line of a connection's event log: connects, CONNACKs, SUBACKs, disconnects with reasons. */
public record ConnectionEvent(long epochMillis, Kind kind, String text) {

    /** VIOLATION: the broker sent something MQTT forbids, which the connection survived. */
    public enum Kind { CONNECT, CONNACK, SUBSCRIBE, UNSUBSCRIBE, PUBLISH, DISCONNECT, RECONNECT, ERROR, VIOLATION, INFO;

        public boolean isProblem() {
            return this == ERROR || this == VIOLATION;
        }
    }

    public static ConnectionEvent now(Kind kind, String text) {
        return new ConnectionEvent(System.currentTimeMillis(), kind, text);
    }
}
