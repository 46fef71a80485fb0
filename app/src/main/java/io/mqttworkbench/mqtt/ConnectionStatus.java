package io.mqttworkbench.mqtt;

/**
 * A state with the reason it was entered.
 *
 * @param reasonCode the broker's reason code when it gave one (CONNACK or DISCONNECT), else null
 * @param reason a sentence fit to show the user, such as "0x86 Bad user name or password"
 */
public record ConnectionStatus(ConnectionState state, Integer reasonCode, String reason, long epochMillis) {

    public static ConnectionStatus of(ConnectionState state, String reason) {
        return new ConnectionStatus(state, null, reason, System.currentTimeMillis());
    }

    public static ConnectionStatus of(ConnectionState state, Integer reasonCode, String reason) {
        return new ConnectionStatus(state, reasonCode, reason, System.currentTimeMillis());
    }

    /** "Failed: 0x86 Bad user name or password". */
    public String summary() {
        return reason == null || reason.isBlank() ? state.label() : state.label() + ": " + reason;
    }
}
