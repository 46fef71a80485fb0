package io.mqttworkbench.mqtt;

/**
 * A failed MQTT operation with a message fit to show the user ("0x86 Bad user name or password",
 * "Connection refused by localhost:1884: is the broker running?").
 */
public class ConnectionException extends Exception {
    private final Integer reasonCode;
    private final boolean retryable;

    public ConnectionException(String message, Integer reasonCode, boolean retryable, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
        this.retryable = retryable;
    }

    public ConnectionException(String message) {
        this(message, null, false, null);
    }

    /** The broker's reason code when the broker refused, else null (network or local failure). */
    public Integer reasonCode() {
        return reasonCode;
    }

    /** Whether trying again later may succeed (network trouble, busy server) rather than needing a fix (bad password). */
    public boolean retryable() {
        return retryable;
    }

    /** Finds the ConnectionException inside a CompletionException chain, or wraps whatever failed. */
    public static ConnectionException unwrap(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof ConnectionException ce) {
                return ce;
            }
            c = c.getCause();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ConnectionException(message, null, false, t);
    }
}
