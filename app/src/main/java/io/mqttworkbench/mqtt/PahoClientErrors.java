package io.mqttworkbench.mqtt;

import java.io.IOException;
import java.util.Optional;

/**
 * Failures that are not the broker's refusal (a network problem, Paho's own client-side errors, a
 * local mistake), described in words that tell the user what happened. Paho's codes are the same
 * numbers in its mqttv3 and mqttv5 clients.
 */
final class PahoClientErrors {
    /** Paho's "client exception": the real reason is the cause it wraps. */
    private static final int CLIENT_EXCEPTION = 0;
    private static final int MAX_INFLIGHT = 32202;

    /** Paho refused a publish because its in-flight window was full at that instant; sending it again later works. */
    static final class WindowFull extends ConnectionException {
        WindowFull(String message, Throwable cause) {
            super(message, null, true, cause);
        }
    }

    private PahoClientErrors() {
    }

    /**
     * @param code Paho's reason code, or -1 when the failure did not come from Paho
     */
    static ConnectionException clientFailure(Throwable failure, int code, BrokerUrl url) {
        if (failure instanceof ConnectionException known) {
            return known;
        }
        Optional<String> network = NetworkErrors.describe(failure, url);
        if (network.isPresent()) {
            return new ConnectionException(network.get(), null, true, failure);
        }
        if (failure instanceof IllegalArgumentException) {
            return new ConnectionException(failure.getMessage(), null, false, failure);
        }
        Throwable cause = failure.getCause();
        if (code == CLIENT_EXCEPTION && cause != null) {
            String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            // An I/O problem on the way to the broker is worth retrying; anything else needs a fix.
            return new ConnectionException(text, null, cause instanceof IOException, failure);
        }
        if (code == MAX_INFLIGHT) {
            return new WindowFull(describe(code, failure.getMessage(), url), failure);
        }
        if (code > 0) {
            return new ConnectionException(describe(code, failure.getMessage(), url), null, isRetryable(code), failure);
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ConnectionException(text, null, failure instanceof IOException, failure);
    }

    static String describe(int code, String pahoMessage, BrokerUrl url) {
        return switch (code) {
            case 32000 -> "Timed out waiting for an answer from " + url.authority();
            case 32100 -> "Already connected";
            case 32101 -> "Already disconnected";
            case 32102 -> "Currently disconnecting";
            case 32103 -> "Cannot connect to " + url.authority();
            case 32104 -> "Not connected";
            case 32105 -> "The broker URL " + url + " is not valid for this client";
            case 32108 -> "The broker sent a packet this client does not understand";
            case 32109 -> "Connection to " + url.authority() + " lost";
            case 32110 -> "A connect is already in progress";
            case 32111 -> "The client is closed";
            case 32201 -> "Publishing is paused while too many messages wait for acknowledgement";
            case 32202 -> "Too many messages in flight: the broker has not acknowledged the earlier ones yet";
            case 32203 -> "Connecting stopped because another connect was requested";
            default -> pahoMessage == null || pahoMessage.isBlank() ? "MQTT client error " + code : pahoMessage;
        };
    }

    static boolean isRetryable(int code) {
        return switch (code) {
            case 32000, 32103, 32109 -> true;
            default -> false;
        };
    }
}
