package io.mqttworkbench.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a broker listens: transport, host, port and, for WebSockets, the HTTP path.
 * Parsed from the URLs users already know ({@code mqtt://host:1883}, {@code ws://host:8083/mqtt}).
 */
public record BrokerUrl(Transport transport, String host, int port, String path) {

    public BrokerUrl {
        if (transport == null) {
            throw new IllegalArgumentException("transport is missing");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        path = transport.websocket() ? normalisePath(path) : "";
    }

    public static BrokerUrl of(Transport transport, String host, int port) {
        return new BrokerUrl(transport, host, port, transport.websocket() ? "/mqtt" : "");
    }

    /**
     * Parses a broker URL. A bare {@code host} or {@code host:port} means plain TCP. Throws
     * {@link IllegalArgumentException} with a message fit to show the user.
     */
    public static BrokerUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Broker URL is empty: expected something like mqtt://localhost:1883");
        }
        String trimmed = text.trim();
        if (!trimmed.contains("://")) {
            trimmed = "mqtt://" + trimmed;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Broker URL '" + text.trim() + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        Transport transport = Transport.fromScheme(scheme == null ? "" : scheme)
                .orElseThrow(() -> new IllegalArgumentException("Unknown scheme '" + scheme
                        + "' in broker URL: use mqtt://, mqtts://, ws:// or wss://"));
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Broker URL '" + text.trim() + "' has no host name");
        }
        int port = uri.getPort();
        if (port == -1) {
            if (uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":")) {
                throw new IllegalArgumentException("Broker URL '" + text.trim() + "' has an empty port");
            }
            port = transport.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 1-65535");
        }
        String path = uri.getRawPath();
        if (!transport.websocket() && path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("A path ('" + path + "') only makes sense for ws:// and wss:// URLs");
        }
        if (uri.getRawQuery() != null && transport.websocket()) {
            path = path + "?" + uri.getRawQuery();
        }
        return new BrokerUrl(transport, host, port, path);
    }

    private static String normalisePath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The URL as the user would type it. */
    @Override
    public String toString() {
        return transport.scheme() + "://" + hostForUri() + ":" + port + path;
    }

    /** The URI Paho understands: {@code tcp://}, {@code ssl://}, {@code ws://}, {@code wss://}. */
    public String toPahoUri() {
        String scheme = switch (transport) {
            case TCP -> "tcp";
            case TLS -> "ssl";
            case WEBSOCKET -> "ws";
            case SECURE_WEBSOCKET -> "wss";
        };
        return scheme + "://" + hostForUri() + ":" + port + path;
    }

    /** {@code host:port}, for messages. */
    public String authority() {
        return hostForUri() + ":" + port;
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public BrokerUrl withPort(int newPort) {
        return new BrokerUrl(transport, host, newPort, path);
    }

    public boolean isLoopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
