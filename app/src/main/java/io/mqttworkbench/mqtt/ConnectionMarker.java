package io.mqttworkbench.mqtt;

/**
 * The connection went down or came back: what a recording and the message log mark, so a hole in the
 * traffic is never mistaken for silence.
 *
 * @param nanos the arrival clock ({@link System#nanoTime()}) of the change, comparable with messages' receive times
 * @param text for a disconnect the reason; for a reconnect what the broker kept
 * @param sessionPresent for a reconnect: the broker resumed the session, so QoS 1 and 2 messages sent
 *     meanwhile are delivered now and only QoS 0 ones are missing
 */
public record ConnectionMarker(Kind kind, long epochMillis, long nanos, String text, boolean sessionPresent) {

    public enum Kind {
        DISCONNECT("disconnect"), RECONNECT("reconnect");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in recordings: {@code "event":"disconnect"}. */
        public String id() {
            return id;
        }

        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown event '" + id + "'");
        }
    }

    /** A reconnect's text when the broker resumed the session; stored histories tell the two kinds apart by it. */
    public static final String SESSION_RESUMED =
            "the broker resumed the session: QoS 1 and 2 messages sent meanwhile follow; QoS 0 ones are missing";
    public static final String NEW_SESSION = "new session: messages sent while disconnected are missing";

    public static ConnectionMarker disconnect(String reason) {
        return new ConnectionMarker(Kind.DISCONNECT, System.currentTimeMillis(), System.nanoTime(), reason, false);
    }

    public static ConnectionMarker reconnect(boolean sessionPresent) {
        return new ConnectionMarker(Kind.RECONNECT, System.currentTimeMillis(), System.nanoTime(),
                sessionPresent ? SESSION_RESUMED : NEW_SESSION, sessionPresent);
    }
}
