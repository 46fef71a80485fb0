package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.publish.RequestReply;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.workspace.Theme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The composer's request row, headless, against the embedded broker: a long reply is shown whole in the code view, and Copy takes all of it. */
@ExtendWith(ApplicationExtension.class)
class RequestRowTest {
    private BrokerConnection requester;
    private Thread pump;
    private PublishViewModel composer;

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        requester = new BrokerConnection("requester", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
        requester.connect().get(10, TimeUnit.SECONDS);
        RequestReply requests = new RequestReply(requester::subscribeTemporarily, requester::releaseTemporary, requester::publish);
        pump = Thread.ofVirtual().start(() -> {
            List<ReceivedMessage> batch = new ArrayList<>();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    batch.clear();
                    requester.inbound().drainTo(batch, 100, 50, TimeUnit.MILLISECONDS);
                    batch.forEach(requests::offer);
                }
            } catch (InterruptedException stopped) {
                // the test is over
            }
        });
        DecoderRegistry decoders = new DecoderRegistry();
        composer = new PublishViewModel(() -> requester, Platform::runLater, Runnable::run, null, requests,
                reply -> decoders.decode(reply.payload(), reply.topic(), DecoderRegistry.DEFAULT_MAX_CHARS), Texts.english());
        stage.setScene(new Scene((javafx.scene.Parent) new RequestRow(composer.request(),
                new SimpleObjectProperty<>(ConnectionState.CONNECTED), Runnable::run, Platform::runLater, Texts.english()).build(), 700, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        pump.interrupt();
        requester.close();
    }

    @Test
    void aLongReplyIsInTheCodeViewWholeAndCopiedWhole(FxRobot robot) throws Exception {
        String topic = "rr-view-" + System.nanoTime() + "/svc";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append("line ").append(i).append(" of the reply\n");
        }
        String payload = lines + "END";
        try (BrokerConnection service = new BrokerConnection("svc", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            service.connect().get(10, TimeUnit.SECONDS);
            service.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
            Thread responder = Thread.ofVirtual().start(() -> {
                try {
                    ReceivedMessage request = Messages.awaitOne(service.inbound(), topic);
                    service.publish(new PublishRequest(request.properties().responseTopic(), payload.getBytes(StandardCharsets.UTF_8), 1, false,
                            new MessageProperties(null, null, null, null, request.properties().correlationData(), List.of(), List.of(), null)));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            robot.interact(() -> composer.topicProperty().set(topic));
            CodeArea code = robot.lookup("#composerReplyPayload").queryAs(CodeArea.class);
            assertThat(shown(code)).as("no reply yet, no code view").isFalse();
            robot.clickOn("#composerRequest");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composer.request().replyPayloadProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            responder.join(5000);
        }
        CodeArea code = robot.lookup("#composerReplyPayload").queryAs(CodeArea.class);
        assertThat(shown(code)).isTrue();
        assertThat(code.getText()).isEqualTo(payload);
        assertThat(code.getParagraphs()).hasSize(401);
        robot.clickOn("#composerReplyCopy");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(payload);
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
