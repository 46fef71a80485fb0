package io.mqttworkbench.mqtt;

/**
 * Paho's own client-side error codes (the same numbers in its mqttv3 and mqttv5 clients), described in
 * words that tell the user what happened rather than Paho's internal wording.
 */
final class PahoClientErrors {
    private PahoClientErrors() {
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
            case 2 -> "Client identifier rejected";
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
