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

    @Test
    void credentialsInTheUrlArePercentDecodedAndKeptOutOfTheUrl() {
        BrokerUrl.WithCredentials typed = BrokerUrl.parseWithCredentials("mqtts://al%40ice:p%3Aw%2Fd%25+x@broker.example:8883");
        assertThat(typed.url()).isEqualTo(new BrokerUrl(Transport.TLS, "broker.example", 8883, ""));
        assertThat(typed.username()).isEqualTo("al@ice");
        assertThat(typed.password()).isEqualTo("p:w/d%+x".toCharArray());
        assertThat(typed.url().toString()).isEqualTo("mqtts://broker.example:8883");
        assertThat(typed.toString()).isEqualTo("al@ice:***@mqtts://broker.example:8883");

        BrokerUrl.WithCredentials userOnly = BrokerUrl.parseWithCredentials("alice@localhost");
        assertThat(userOnly.username()).isEqualTo("alice");
        assertThat(userOnly.password()).isNull();
        BrokerUrl.WithCredentials none = BrokerUrl.parseWithCredentials("ws://h:8083/mqtt");
        assertThat(none.username()).isNull();
        assertThat(none.password()).isNull();
    }

    @Test
    void aUrlWithCredentialsIsRefusedWhereTheyCannotBeUsedAndNoMessageRepeatsThePassword() {
        assertThatThrownBy(() -> BrokerUrl.parse("mqtt://alice:s3cret@h:1883"))
                .hasMessage("Broker URL 'mqtt://alice:***@h:1883' carries a user name or password, which is not taken here: "
                        + "give the credentials in their own fields");
        // an '@' or '/' in a password must be encoded; the message says how, and does not show the password
        assertThatThrownBy(() -> BrokerUrl.parseWithCredentials("mqtt://alice:pa/ss@h"))
                .hasMessageContaining("no host name").hasMessageContaining("@ as %40").hasMessageNotContaining("pa/ss");
        assertThatThrownBy(() -> BrokerUrl.parseWithCredentials("mqtt://alice:s3 cret@h"))
                .hasMessageContaining("not a valid URL").hasMessageNotContaining("s3 cret").hasMessageContaining("alice:***@h");
        assertThatThrownBy(() -> BrokerUrl.parseWithCredentials("mqtt://alice:%zz@h")).hasMessageContaining("Malformed escape pair")
                .hasMessageContaining("% as %25").hasMessageNotContaining("%zz");
        assertThat(BrokerUrl.redact("alice:s3cret@h:1883")).isEqualTo("alice:***@h:1883");
        assertThat(BrokerUrl.redact("mqtt://h:1883")).isEqualTo("mqtt://h:1883");
    }
}
