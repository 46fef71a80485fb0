package io.mqttworkbench.history;

/** The history could not be read or written; the message says why in words (a full disk, a damaged file). */
public final class HistoryException extends Exception {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryException(String message) {
        super(message);
    }
}
