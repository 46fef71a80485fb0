package io.mqttworkbench.sandbox;

/**
 * Which loopback ports the sandbox should listen on.
 *
 * @param tcp preferred MQTT port, 0 for any free one
 * @param websocket preferred WebSocket port, 0 for any free one
 * @param strict when true a busy preferred port is an error (the user asked for it); otherwise another
 *               free port is taken and reported
 */
public record SandboxPorts(int tcp, int websocket, boolean strict) {

    public static final SandboxPorts DEFAULT = new SandboxPorts(1883, 8083, false);
    public static final SandboxPorts ANY = new SandboxPorts(0, 0, false);

    public SandboxPorts {
        if (tcp < 0 || tcp > 65535 || websocket < 0 || websocket > 65535) {
            throw new IllegalArgumentException("ports must be between 1 and 65535 (0 for any free port)");
        }
        if (tcp != 0 && tcp == websocket) {
            throw new IllegalArgumentException("the MQTT and WebSocket ports must differ");
        }
    }
}
