package io.mqttworkbench.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import io.reactivex.Scheduler;
import io.reactivex.schedulers.Schedulers;
import java.util.concurrent.TimeUnit;

/**
 * What the HiveMQ engine's MQTT 5 and 3.1.1 clients share: where to connect (TCP, TLS, WebSocket) and on
 * which threads their callbacks run.
 *
 * <p>The library's sockets are Netty channels, which set TCP_NODELAY by default, so small packets and
 * acknowledgements go out at once instead of waiting for Nagle's algorithm.
 */
final class HiveMqClients {

    /**
     * Runs the library's callbacks on the Netty thread that decoded the packet instead of handing each one to
     * another thread: receive times are taken where the bytes arrive, and a flood costs no extra thread hop.
     * Safe because every callback of ours returns at once (a queue offer, or a task for the connection thread).
     */
    private static final Scheduler WHERE_THE_BYTES_ARRIVE = Schedulers.from(Runnable::run);

    private HiveMqClients() {
    }

    static MqttClientBuilder builder(ConnectionSettings settings, String clientId, MqttClientDisconnectedListener onDisconnected)
            throws ConnectionException {
        BrokerUrl url = settings.url();
        long timeoutMillis = settings.connectTimeout().toMillis();
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(url.host())
                .serverPort(url.port())
                .socketConnectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        if (url.transport().secure()) {
            transport.sslConfig(ssl(settings.tls(), timeoutMillis));
        }
        if (url.transport().websocket()) {
            transport.webSocketConfig(webSocket(url, timeoutMillis));
        }
        try {
            return MqttClient.builder()
                    .identifier(clientId)
                    .transportConfig(transport.build())
                    .executorConfig(MqttClientExecutorConfig.builder().applicationScheduler(WHERE_THE_BYTES_ARRIVE).build())
                    .addDisconnectedListener(onDisconnected);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException("Client id '" + clientId + "' cannot be used: " + e.getMessage(), null, false, e);
        }
    }

    private static MqttClientSslConfig ssl(TlsSettings tls, long timeoutMillis) throws ConnectionException {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder()
                .trustManagerFactory(TlsContextFactory.trustManagerFactory(tls))
                .keyManagerFactory(TlsContextFactory.keyManagerFactory(tls))
                .handshakeTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        if (!tls.verifyHostname() || tls.trustAnyCertificate()) {
            ssl.hostnameVerifier((host, session) -> true);
        }
        return ssl.build();
    }

    /** The URL's path may carry a query ({@code /mqtt?token=...}); the library takes them apart. */
    private static MqttWebSocketConfig webSocket(BrokerUrl url, long timeoutMillis) {
        String path = url.path();
        String query = "";
        int mark = path.indexOf('?');
        if (mark >= 0) {
            query = path.substring(mark + 1);
            path = path.substring(0, mark);
        }
        return MqttWebSocketConfig.builder()
                .serverPath(path)
                .queryString(query)
                .subprotocol("mqtt")
                .handshakeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
    }
}
