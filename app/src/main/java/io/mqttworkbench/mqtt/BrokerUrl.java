package io.mqttworkbench.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a broker listens: transport, host, port and, for WebSockets, the HTTP path.
 * Parsed from the URLs users already know ({@code mqtt://host:1883}, {@code ws://host:8083/mqtt}).
 */
public record BrokerUrl(Transport transport, String host, int port, String path) {

    /** Everything from the scheme to the last '@' of a URL with a password: what {@link #redact} hides. */
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("^(\\s*(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^:@/?#]*):.*@");

    /**
     * A URL as typed, with the user name and password its user information carried ({@code mqtt://alice:s3cret@host}),
     * percent-decoded; each is null when the URL has none. The URL itself never holds them, so nothing that prints a
     * {@link BrokerUrl} can show a password.
     */
    public record WithCredentials(BrokerUrl url, String username, char[] password) {
        public WithCredentials {
            password = password == null ? null : password.clone();
        }

        @Override
        public char[] password() {
            return password == null ? null : password.clone();
        }

        @Override
        public String toString() {
            return (username == null ? "" : username + (password == null ? "" : ":***") + "@") + url;
        }
    }

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
     * Parses a broker URL without credentials. A bare {@code host} or {@code host:port} means plain TCP. Throws
     * {@link IllegalArgumentException} with a message fit to show the user; a URL with a user name or password is
     * refused, so no caller drops credentials unawares: those that take them use {@link #parseWithCredentials}.
     */
    public static BrokerUrl parse(String text) {
        WithCredentials parsed = parseWithCredentials(text);
        if (parsed.username() != null || parsed.password() != null) {
            throw new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.CREDENTIALS, redact(text.trim()));
        }
        return parsed.url();
    }

    /**
     * Parses a broker URL that may carry a user name and password ({@code mqtt://alice:s3cret@host:1883}); they are
     * percent-decoded ({@code %40} is '@'). Messages never repeat the password.
     */
    public static WithCredentials parseWithCredentials(String text) {
        if (text == null || text.isBlank()) {
            throw new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.EMPTY, "");
        }
        String trimmed = text.trim();
        if (!trimmed.contains("://")) {
            trimmed = "mqtt://" + trimmed;
        }
        String shown = redact(text.trim());
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new BrokerUrlProblem.Exception(new BrokerUrlProblem(BrokerUrlProblem.Rule.NOT_A_URL, shown, e.getReason(), hasAt(trimmed)));
        }
        String scheme = uri.getScheme();
        Transport transport = Transport.fromScheme(scheme == null ? "" : scheme)
                .orElseThrow(() -> new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.UNKNOWN_SCHEME, scheme));
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new BrokerUrlProblem.Exception(new BrokerUrlProblem(BrokerUrlProblem.Rule.NO_HOST, shown, "", hasAt(trimmed)));
        }
        int port = uri.getPort();
        if (port == -1) {
            if (uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":")) {
                throw new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.EMPTY_PORT, shown);
            }
            port = transport.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.PORT_RANGE, Integer.toString(port));
        }
        String path = uri.getRawPath();
        if (!transport.websocket() && path != null && !path.isEmpty() && !path.equals("/")) {
            throw new BrokerUrlProblem.Exception(BrokerUrlProblem.Rule.PATH_NOT_WEBSOCKET, path);
        }
        if (uri.getRawQuery() != null && transport.websocket()) {
            path = path + "?" + uri.getRawQuery();
        }
        BrokerUrl url = new BrokerUrl(transport, host, port, path);
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new WithCredentials(url, null, null);
        }
        int colon = userInfo.indexOf(':');
        String username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        return new WithCredentials(url, username.isEmpty() ? null : username, password == null ? null : password.toCharArray());
    }

    /** The text with the password of its user information replaced by ***, for messages and logs. */
    public static String redact(String text) {
        return text == null ? null : USER_AND_PASSWORD.matcher(text).replaceFirst("$1:***@");
    }

    /** Percent-decoding as URIs mean it (java.net.URI has checked the escapes): unlike a form, '+' stays '+'. */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Where a URL with an '@' does not parse, the likely cause: a character of the password that needs encoding. */
    private static boolean hasAt(String text) {
        return text.indexOf('@') >= 0;
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
