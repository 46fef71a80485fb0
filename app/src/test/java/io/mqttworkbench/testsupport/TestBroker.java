package io.mqttworkbench.testsupport;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.sandbox.SandboxEndpoints;
import io.mqttworkbench.sandbox.SandboxPorts;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One embedded HiveMQ CE for the whole test run, on random loopback ports, started on first use.
 * It knows one user: {@value #USER} / {@value #PASSWORD}; anonymous clients are let in, any other
 * credentials are refused with 0x86, and topics under {@code forbidden/} are refused to everyone (0x87).
 */
public final class TestBroker {

    public static final String USER = "alice";
    public static final String PASSWORD = "wonderland";

    private static SandboxBroker broker;
    private static SandboxEndpoints endpoints;

    private TestBroker() {
    }

    public static synchronized SandboxEndpoints endpoints() {
        if (endpoints == null) {
            broker = new SandboxBroker(SandboxPorts.ANY, authExtension());
            try {
                endpoints = broker.start().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("test broker did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-stop"));
        }
        return endpoints;
    }

    /** The shared broker itself, for code that starts a sandbox (its start() hands back the running endpoints). */
    public static synchronized SandboxBroker sandbox() {
        endpoints();
        return broker;
    }

    public static BrokerUrl tcpUrl() {
        return endpoints().tcpUrl();
    }

    public static BrokerUrl websocketUrl() {
        return endpoints().websocketUrl();
    }

    private static EmbeddedExtension authExtension() {
        return EmbeddedExtension.builder()
                .withId("test-auth")
                .withName("Test authentication")
                .withVersion("1")
                .withAuthor("MQTT Workbench tests")
                .withPriority(100)
                .withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(providerInput -> (SimpleAuthenticator) (auth, out) -> {
                            var connect = auth.getConnectPacket();
                            if (connect.getUserName().isPresent()) {
                                String password = connect.getPassword()
                                        .map(buffer -> StandardCharsets.UTF_8.decode(buffer.duplicate()).toString()).orElse("");
                                if (!USER.equals(connect.getUserName().get()) || !PASSWORD.equals(password)) {
                                    out.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad credentials");
                                    return;
                                }
                            }
                            out.getDefaultPermissions().add(Builders.topicPermission()
                                    .topicFilter("forbidden/#")
                                    .type(TopicPermission.PermissionType.DENY)
                                    .build());
                            out.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.ALLOW);
                            out.authenticateSuccessfully();
                        });
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                    }
                })
                .build();
    }
}
