package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;

/** The connection engine against a real broker: embedded HiveMQ CE on random loopback ports. */
@ParameterizedClass(name = "{0}")
@EnumSource(MqttEngine.class)
class BrokerConnectionTest {

    /** Every test runs on both engines: they must behave the same against the same broker. */
    @Parameter
    MqttEngine engine;

    private ConnectionSettings.Builder settingsFor(BrokerUrl url) {
        return ConnectionSettings.builder(url).engine(engine);
    }

    private final List<BrokerConnection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(BrokerConnection::close);
    }

    private BrokerConnection open(ConnectionSettings settings) {
        BrokerConnection connection = new BrokerConnection("test-" + opened.size(), settings);
        opened.add(connection);
        return connection;
    }

    private BrokerConnection connected(MqttVersion version, BrokerUrl url) throws Exception {
        BrokerConnection connection = open(settingsFor(url).version(version).build());
        connection.connect().get(15, TimeUnit.SECONDS);
        return connection;
    }

    private static String uniqueTopic(String base) {
        return "test/" + base + "/" + ClientIds.randomSuffix(8);
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void connectsReportsStateAndLogsConnack(MqttVersion version) throws Exception {
        BrokerConnection connection = open(settingsFor(TestBroker.tcpUrl()).version(version).build());
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        connection.addListener(new ConnectionListener() {
            @Override
            public void statusChanged(ConnectionStatus status) {
                states.add(status.state());
            }
        });

        BrokerCapabilities caps = connection.connect().get(15, TimeUnit.SECONDS);

        assertThat(caps.maximumQos()).isEqualTo(2);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connection.clientId()).startsWith("mqttwb-");
        assertThat(connection.events()).extracting(ConnectionEvent::text).anySatisfy(t -> assertThat(t).startsWith("CONNACK 0x00"));

        connection.disconnect().get(10, TimeUnit.SECONDS);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void subscribesAndRoundTripsAtEachQos(int qos) throws Exception {
        BrokerConnection connection = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("qos" + qos);

        SubscribeOutcome outcome = connection.subscribe(SubscriptionRequest.of(topic, qos)).get(10, TimeUnit.SECONDS);
        assertThat(outcome.granted()).isTrue();
        assertThat(outcome.grantedQos()).isEqualTo(qos);

        PublishOutcome published = connection.publish(new PublishRequest(topic, "hello".getBytes(StandardCharsets.UTF_8), qos, false))
                .get(10, TimeUnit.SECONDS);
        assertThat(published.success()).isTrue();

        ReceivedMessage received = Messages.awaitOne(connection.inbound(), topic);
        assertThat(new String(received.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(received.qos()).isEqualTo(qos);
        assertThat(received.retained()).isFalse();
        assertThat(received.receivedEpochMillis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(10_000L));
    }

    @Test
    void carriesEveryMqtt5PropertyEndToEnd() throws Exception {
        BrokerConnection subscriber = connected(MqttVersion.V5, TestBroker.tcpUrl());
        BrokerConnection publisher = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("props");
        subscriber.subscribe(new SubscriptionRequest(topic, 1, false, false, 0, 42)).get(10, TimeUnit.SECONDS);

        MessageProperties sent = new MessageProperties("application/json", true, 3600L, "replies/here",
                new byte[] {1, 2, 3, (byte) 0xFF}, List.of(new UserProperty("trace", "a"), new UserProperty("trace", "b"),
                new UserProperty("tenant", "acme")), List.of(), null);
        publisher.publish(new PublishRequest(topic, "{\"x\":1}".getBytes(StandardCharsets.UTF_8), 1, false, sent)).get(10, TimeUnit.SECONDS);

        MessageProperties got = Messages.awaitOne(subscriber.inbound(), topic).properties();
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(got.payloadFormatUtf8()).isTrue();
        assertThat(got.messageExpirySeconds()).isBetween(3590L, 3600L);
        assertThat(got.responseTopic()).isEqualTo("replies/here");
        assertThat(got.correlationData()).containsExactly(1, 2, 3, 0xFF);
        assertThat(got.userProperties()).containsExactly(new UserProperty("trace", "a"), new UserProperty("trace", "b"),
                new UserProperty("tenant", "acme"));
        if (engine.sendsChosenSubscriptionIdentifiers()) {
            assertThat(got.subscriptionIdentifiers()).containsExactly(42);
        } else {
            // HiveMQ's client numbers subscriptions itself: its number arrives, naming the filter; the journal says 42 was not sent.
            assertThat(got.subscriptionIdentifiers()).singleElement()
                    .satisfies(id -> assertThat(subscriber.filtersOfSubscriptionIdentifier(id, System.currentTimeMillis())).containsExactly(topic));
            assertThat(subscriber.events()).anyMatch(e -> e.text().startsWith("Subscription identifier 42 of " + topic + " is not sent"));
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void deliversRetainedMessagesToLateSubscribers(MqttVersion version) throws Exception {
        BrokerConnection publisher = connected(version, TestBroker.tcpUrl());
        String topic = uniqueTopic("retained");
        publisher.publish(new PublishRequest(topic, "last-known".getBytes(StandardCharsets.UTF_8), 1, true)).get(10, TimeUnit.SECONDS);

        BrokerConnection late = connected(version, TestBroker.tcpUrl());
        late.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        ReceivedMessage retained = Messages.awaitOne(late.inbound(), topic);
        assertThat(retained.retained()).isTrue();
        assertThat(new String(retained.payload(), StandardCharsets.UTF_8)).isEqualTo("last-known");

        // An empty retained payload deletes it, as "delete retained" in the topic tree will rely on.
        publisher.publish(new PublishRequest(topic, new byte[0], 1, true)).get(10, TimeUnit.SECONDS);
        BrokerConnection later = connected(version, TestBroker.tcpUrl());
        later.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        assertThat(Messages.collect(later.inbound(), Duration.ofMillis(500))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void deliversTheLastWillWhenTheConnectionDropsUncleanly(MqttVersion version) throws Exception {
        String willTopic = uniqueTopic("will");
        BrokerConnection watcher = connected(MqttVersion.V5, TestBroker.tcpUrl());
        watcher.subscribe(SubscriptionRequest.of(willTopic, 1)).get(10, TimeUnit.SECONDS);

        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort())) {
            BrokerConnection dying = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", proxy.port()))
                    .version(version)
                    .lastWill(new LastWill(willTopic, "gone".getBytes(StandardCharsets.UTF_8), 1, false))
                    .reconnect(ReconnectPolicy.NEVER)
                    .build());
            dying.connect().get(15, TimeUnit.SECONDS);

            proxy.cutAll();

            ReceivedMessage will = Messages.awaitOne(watcher.inbound(), willTopic);
            assertThat(new String(will.payload(), StandardCharsets.UTF_8)).isEqualTo("gone");
            Conditions.awaitTrue("FAILED after the drop", Duration.ofSeconds(10),
                    () -> dying.status().state() == ConnectionState.FAILED, () -> dying.status().summary());
            assertThat(dying.status().reason()).contains("connection lost");
        }
    }

    @Test
    void sendsNoWillOnACleanDisconnect() throws Exception {
        String willTopic = uniqueTopic("nowill");
        BrokerConnection watcher = connected(MqttVersion.V5, TestBroker.tcpUrl());
        watcher.subscribe(SubscriptionRequest.of(willTopic, 1)).get(10, TimeUnit.SECONDS);
        BrokerConnection leaving = open(settingsFor(TestBroker.tcpUrl())
                .lastWill(new LastWill(willTopic, "gone".getBytes(StandardCharsets.UTF_8), 1, false)).build());
        leaving.connect().get(15, TimeUnit.SECONDS);

        leaving.disconnect().get(10, TimeUnit.SECONDS);

        assertThat(Messages.collect(watcher.inbound(), Duration.ofMillis(700))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void badCredentialsFailWithTheBrokersReasonCode(MqttVersion version) throws Exception {
        BrokerConnection connection = open(settingsFor(TestBroker.tcpUrl()).version(version)
                .username(TestBroker.USER).password("not-the-password".toCharArray()).build());

        assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("0x86 Bad user name or password"); // HiveMQ's engine adds the broker's reason string
        assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(connection.status().reasonCode()).isEqualTo(0x86);
        assertThat(connection.status().reason()).startsWith("0x86 Bad user name or password");
    }

    @Test
    void goodCredentialsConnect() throws Exception {
        BrokerConnection connection = open(settingsFor(TestBroker.tcpUrl())
                .username(TestBroker.USER).password(TestBroker.PASSWORD.toCharArray()).build());
        connection.connect().get(15, TimeUnit.SECONDS);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void unreachablePortFailsQuicklyWithAClearReason(MqttVersion version) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        BrokerConnection connection = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", closedPort))
                .version(version).connectTimeout(Duration.ofSeconds(5)).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Connection refused by 127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(connection.status().reasonCode()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"TLS", "SECURE_WEBSOCKET"})
    void tlsAgainstAPlainPortSaysTheBrokerDoesNotSpeakTlsThere(Transport secure) throws Exception {
        BrokerUrl plain = secure == Transport.TLS ? TestBroker.tcpUrl() : TestBroker.websocketUrl();
        BrokerUrl url = BrokerUrl.parse(secure.scheme() + "://" + plain.authority() + (secure == Transport.SECURE_WEBSOCKET ? "/mqtt" : ""));
        BrokerConnection connection = open(settingsFor(url).connectTimeout(Duration.ofSeconds(5))
                .reconnect(ReconnectPolicy.NEVER).build());

        assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(ConnectionException.class)
                .hasMessageContaining(plain.authority() + " closed the connection during the TLS handshake")
                .hasMessageContaining("plain MQTT");
    }

    @Test
    void somethingThatIsNotABrokerTimesOutInsteadOfHanging() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            BrokerConnection connection = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", silent.getLocalPort()))
                    .connectTimeout(Duration.ofSeconds(1)).build());
            assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS))
                    .cause().isInstanceOf(ConnectionException.class);
            assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    @Test
    void aClientGivenUpWhileConnectingLeavesNoThreadsBehind() throws Exception {
        // Paho starts threads named after the client; HiveMQ's client shares Netty's (see the late-CONNACK test).
        org.junit.jupiter.api.Assumptions.assumeTrue(engine == MqttEngine.PAHO, "only Paho names threads after the client");
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            BrokerConnection connection = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", silent.getLocalPort()))
                    .clientId("leak-probe-" + ClientIds.randomSuffix(6)).connectTimeout(Duration.ofSeconds(1)).build());
            assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionException.class);
            Conditions.awaitTrue("Paho's threads for the abandoned client to end", Duration.ofSeconds(5),
                    () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains(connection.clientId())),
                    () -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                            .filter(n -> n.contains(connection.clientId())).toList().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aConnectCancelledBeforeTheConnackHangsUpWhenTheConnackComes(MqttVersion version) throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            BrokerConnection connection = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", fake.getLocalPort()))
                    .version(version).connectTimeout(Duration.ofSeconds(8)).reconnect(ReconnectPolicy.NEVER).build());
            java.util.concurrent.CompletableFuture<BrokerCapabilities> connecting = connection.connect();
            try (java.net.Socket client = fake.accept()) {
                client.setSoTimeout(10_000);
                java.io.InputStream in = client.getInputStream();
                assertThat(in.read()).as("CONNECT packet type").isEqualTo(0x10);

                connection.disconnect().get(10, TimeUnit.SECONDS); // the user gives up while the broker is slow
                assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionException.class);
                byte[] connack = version == MqttVersion.V5 ? new byte[] {0x20, 0x03, 0x00, 0x00, 0x00} : new byte[] {0x20, 0x02, 0x00, 0x00};
                try {
                    client.getOutputStream().write(connack); // late, but a client that still listened would now be connected
                    client.getOutputStream().flush();
                } catch (java.io.IOException alreadyClosed) {
                    // the client dropped the socket at once: what we want
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
                boolean closed = false;
                try {
                    while (!closed && System.nanoTime() < deadline) {
                        closed = in.read() < 0; // the rest of CONNECT, maybe a DISCONNECT, then the end of the stream
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    closed = false;
                } catch (java.io.IOException reset) {
                    closed = true;
                }
                assertThat(closed).as("the abandoned client closes its socket").isTrue();
            }
            assertThat(connection.status().state()).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }

    @Test
    void aFilterRemovedWhileOfflineIsNotRestored() throws Exception {
        BrokerConnection connection = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("offline-unsubscribe");
        connection.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        connection.disconnect().get(10, TimeUnit.SECONDS);

        connection.unsubscribe(topic).get(10, TimeUnit.SECONDS);
        connection.connect().get(15, TimeUnit.SECONDS);

        assertThat(connection.subscriptions()).isEmpty();
        assertThat(lastIndexOf(connection, "Restoring")).isEqualTo(-1);
    }

    @Test
    void mixedQosBurstsWaitForTheBrokersWindowInsteadOfFailing() throws Exception {
        BrokerConnection connection = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("window");
        List<java.util.concurrent.CompletableFuture<PublishOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sends.add(connection.publish(new PublishRequest(topic, new byte[] {(byte) i}, i % 3, false)));
        }
        for (java.util.concurrent.CompletableFuture<PublishOutcome> send : sends) {
            assertThat(send.get(30, TimeUnit.SECONDS).success()).isTrue();
        }
    }

    @Test
    void refusedSubscriptionsReportTheSubackReason() throws Exception {
        BrokerConnection connection = connected(MqttVersion.V5, TestBroker.tcpUrl());
        List<SubscribeOutcome> outcomes = connection.subscribe(List.of(SubscriptionRequest.of("forbidden/x", 1),
                SubscriptionRequest.of(uniqueTopic("allowed"), 2))).get(10, TimeUnit.SECONDS);

        assertThat(outcomes.get(0).granted()).isFalse();
        assertThat(outcomes.get(0).description()).isEqualTo("0x87 Not authorized");
        assertThat(outcomes.get(1).grantedQos()).isEqualTo(2);
        assertThat(connection.subscriptions()).extracting(SubscriptionRequest::filter).doesNotContain("forbidden/x");
        assertThat(connection.events()).extracting(ConnectionEvent::text).contains("SUBACK forbidden/x: 0x87 Not authorized");
    }

    @Test
    void reconnectsAfterADropAndRestoresSubscriptions() throws Exception {
        String topic = uniqueTopic("reconnect");
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort())) {
            BrokerConnection connection = open(settingsFor(BrokerUrl.of(Transport.TCP, "127.0.0.1", proxy.port()))
                    .reconnect(new ReconnectPolicy(true, Duration.ofMillis(100), Duration.ofMillis(400))).build());
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            connection.addListener(new ConnectionListener() {
                @Override
                public void statusChanged(ConnectionStatus status) {
                    states.add(status.state());
                }
            });
            connection.connect().get(15, TimeUnit.SECONDS);
            connection.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);

            proxy.refuseNew(true);
            proxy.cutAll();
            Conditions.awaitTrue("a second failed reconnect attempt", Duration.ofSeconds(10),
                    () -> connection.events().stream().filter(e -> e.text().startsWith("Reconnect attempt")).count() >= 2);
            assertThat(connection.status().state()).isEqualTo(ConnectionState.RECONNECTING);
            proxy.refuseNew(false);

            Conditions.awaitTrue("reconnected", Duration.ofSeconds(10),
                    () -> connection.status().state() == ConnectionState.CONNECTED);
            Conditions.awaitTrue("subscription restored", Duration.ofSeconds(10),
                    () -> lastIndexOf(connection, "Restoring 1") >= 0
                            && lastIndexOf(connection, "SUBACK " + topic + ": Granted QoS 1") > lastIndexOf(connection, "Restoring 1"),
                    () -> connection.events().toString());
            assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);

            BrokerConnection publisher = connected(MqttVersion.V5, TestBroker.tcpUrl());
            publisher.publish(new PublishRequest(topic, "after".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
            assertThat(new String(Messages.awaitOne(connection.inbound(), topic).payload(), StandardCharsets.UTF_8)).isEqualTo("after");
        }
    }

    private static int lastIndexOf(BrokerConnection connection, String prefix) {
        List<ConnectionEvent> events = connection.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).text().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void operationsWhileDisconnectedFailWithAReadableMessage() {
        BrokerConnection connection = open(settingsFor(TestBroker.tcpUrl()).build());
        assertThatThrownBy(() -> connection.publish(new PublishRequest("a/b", new byte[0], 0, false)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(ConnectionException.class).hasMessageStartingWith("Not connected: connect before publishing");
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void roundTripsOverWebSocket(MqttVersion version) throws Exception {
        BrokerConnection connection = connected(version, TestBroker.websocketUrl());
        String topic = uniqueTopic("ws");
        connection.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        connection.publish(new PublishRequest(topic, "over websocket".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
        assertThat(new String(Messages.awaitOne(connection.inbound(), topic).payload(), StandardCharsets.UTF_8)).isEqualTo("over websocket");
    }

    @Test
    void wrongWebSocketPathFailsWithAHint() throws Exception {
        BrokerUrl wrongPath = new BrokerUrl(Transport.WEBSOCKET, "127.0.0.1", TestBroker.endpoints().websocketPort(), "/nope");
        BrokerConnection connection = open(settingsFor(wrongPath).connectTimeout(Duration.ofSeconds(3)).build());
        assertThatThrownBy(() -> connection.connect().get(15, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionException.class);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(connection.status().reason()).isNotBlank();
    }

    @Test
    void largePayloadsArriveWhole() throws Exception {
        BrokerConnection connection = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("large");
        connection.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        byte[] payload = new byte[5 * 1024 * 1024];
        new java.util.Random(7).nextBytes(payload);
        connection.publish(new PublishRequest(topic, payload, 1, false)).get(30, TimeUnit.SECONDS);
        assertThat(Messages.awaitOne(connection.inbound(), topic).payload()).isEqualTo(payload);
    }

    @Test
    void aBurstArrivesCompleteAndInOrder() throws Exception {
        BrokerConnection subscriber = connected(MqttVersion.V5, TestBroker.tcpUrl());
        BrokerConnection publisher = connected(MqttVersion.V5, TestBroker.tcpUrl());
        String topic = uniqueTopic("burst");
        subscriber.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        int count = 5_000;
        List<java.util.concurrent.CompletableFuture<PublishOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(publisher.publish(new PublishRequest(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false)));
        }
        java.util.concurrent.CompletableFuture.allOf(sends.toArray(java.util.concurrent.CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<ReceivedMessage> got = Messages.await(subscriber.inbound(), count, m -> m.topic().equals(topic), Duration.ofSeconds(60));
        for (int i = 0; i < count; i++) {
            assertThat(new String(got.get(i).payload(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
        }
        assertThat(subscriber.inbound().droppedCount()).isZero();
    }
}
