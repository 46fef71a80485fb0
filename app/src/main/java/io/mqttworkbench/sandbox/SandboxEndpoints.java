package io.mqttworkbench.sandbox;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.Transport;

/**
 * Where a running sandbox broker listens: plain TCP and WebSocket, and TLS when it was asked for, all on 127.0.0.1.
 *
 * @param tlsPort the TLS listener's port, or 0 when there is none
 */
public record SandboxEndpoints(int tcpPort, int websocketPort, String websocketPath, int tlsPort) {

    public SandboxEndpoints(int tcpPort, int websocketPort, String websocketPath) {
        this(tcpPort, websocketPort, websocketPath, 0);
    }

    public static final String HOST = "127.0.0.1";

    public BrokerUrl tcpUrl() {
        return BrokerUrl.of(Transport.TCP, HOST, tcpPort);
    }

    public BrokerUrl websocketUrl() {
        return new BrokerUrl(Transport.WEBSOCKET, HOST, websocketPort, websocketPath);
    }

    @Override
    public String toString() {
        return tcpUrl() + " and " + websocketUrl();
    }
}
