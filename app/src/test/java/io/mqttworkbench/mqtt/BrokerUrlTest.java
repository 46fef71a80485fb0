package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerUrlTest {

    @Test
    void parsesEveryTransport() {
        assertThat(BrokerUrl.parse("mqtt://broker:1884")).isEqualTo(new BrokerUrl(Transport.TCP, "broker", 1884, ""));
        assertThat(BrokerUrl.parse("mqtts://broker")).isEqualTo(new BrokerUrl(Transport.TLS, "broker", 8883, ""));
        assertThat(BrokerUrl.parse("ws://broker:8083/mqtt")).isEqualTo(new BrokerUrl(Transport.WEBSOCKET, "broker", 8083, "/mqtt"));
        assertThat(BrokerUrl.parse("wss://broker/mqtt")).isEqualTo(new BrokerUrl(Transport.SECURE_WEBSOCKET, "broker", 443, "/mqtt"));
        assertThat(BrokerUrl.parse("ws://broker:8083")).isEqualTo(new BrokerUrl(Transport.WEBSOCKET, "broker", 8083, "/"));
    }

    @Test
    void acceptsWhatOtherToolsPrint() {
        assertThat(BrokerUrl.parse("localhost").toString()).isEqualTo("mqtt://localhost:1883");
        assertThat(BrokerUrl.parse("localhost:1884").port()).isEqualTo(1884);
        assertThat(BrokerUrl.parse("tcp://h:1").transport()).isEqualTo(Transport.TCP);
        assertThat(BrokerUrl.parse("ssl://h:2").transport()).isEqualTo(Transport.TLS);
        assertThat(BrokerUrl.parse(" MQTT://h:3 ").transport()).isEqualTo(Transport.TCP);
        assertThat(BrokerUrl.parse("wss://h/mqtt?token=abc").path()).isEqualTo("/mqtt?token=abc");
    }

    @Test
    void convertsToPahoUris() {
        assertThat(BrokerUrl.parse("mqtt://h:1").toPahoUri()).isEqualTo("tcp://h:1");
        assertThat(BrokerUrl.parse("mqtts://h:2").toPahoUri()).isEqualTo("ssl://h:2");
        assertThat(BrokerUrl.parse("ws://h:3/mqtt").toPahoUri()).isEqualTo("ws://h:3/mqtt");
        assertThat(BrokerUrl.parse("wss://[::1]:4/mqtt").toPahoUri()).isEqualTo("wss://[::1]:4/mqtt");
    }

    @Test
    void rejectsBadUrlsWithReadableMessages() {
        assertThatThrownBy(() -> BrokerUrl.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BrokerUrl.parse("http://h")).hasMessageContaining("Unknown scheme 'http'");
        assertThatThrownBy(() -> BrokerUrl.parse("mqtt://h:99999")).hasMessageContaining("outside 1-65535");
        assertThatThrownBy(() -> BrokerUrl.parse("mqtt://h:1883/path")).hasMessageContaining("only makes sense for ws://");
        assertThatThrownBy(() -> BrokerUrl.parse("mqtt://:1883")).hasMessageContaining("no host");
        assertThatThrownBy(() -> BrokerUrl.parse("mqtt://h h")).hasMessageContaining("not a valid URL");
    }

    @Test
    void knowsLoopbackHosts() {
        assertThat(BrokerUrl.parse("localhost").isLoopback()).isTrue();
        assertThat(BrokerUrl.parse("127.0.0.1").isLoopback()).isTrue();
        assertThat(BrokerUrl.parse("broker.example.com").isLoopback()).isFalse();
    }
}
