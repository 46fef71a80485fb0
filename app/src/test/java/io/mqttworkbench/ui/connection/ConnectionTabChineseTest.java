package io.mqttworkbench.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.HistoryMaintenance;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.profile.LayoutState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.WindowLayout;
import io.mqttworkbench.ui.workspace.MainWindowViewModel;
import io.mqttworkbench.ui.workspace.ProfilesViewModel;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A connection's tab in Simplified Chinese, headless (Monocle): its header, subscriptions, Replay tab, history status and event lines. */
@ExtendWith(ApplicationExtension.class)
class ConnectionTabChineseTest {

    private Path configDir;
    private ProfileLibrary library;
    private MainWindowViewModel workspace;
    private ConnectionViewModel connection;
    private int closedPort;

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        configDir = Files.createTempDirectory("connection-zh");
        Texts chinese = Texts.simplifiedChinese();
        closedPort = closedPort();
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.forUrl(TestBroker.tcpUrl()), Profile.forUrl(io.mqttworkbench.mqtt.BrokerUrl.parse("mqtt://127.0.0.1:" + closedPort))), connector, library,
                new ScriptedDialogs(), Platform::runLater, Runnable::run, configDir.resolve("certificates"), chinese);
        workspace = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, chinese);
        connection = workspace.connections().get(0);
        stage.setScene(new Scene((javafx.scene.Parent) new ConnectionView(connection, new WindowLayout(LayoutState.DEFAULT)).build(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void shutdown() throws java.io.IOException {
        workspace.shutdown();
        library.close(); // its writer must be done before the folder goes
        try (var files = Files.walk(configDir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theHeaderTheSubscriptionsAndTheReplayTabSpeakChinese(FxRobot robot) {
        assertThat(robot.lookup("#connectButton").queryAs(Button.class).getText()).isEqualTo("连接");
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText()).isEqualTo("未连接");
        assertThat(robot.lookup("#subscribeButton").queryAs(Button.class).getText()).isEqualTo("添加");
        TabPane views = robot.lookup("#connectionViews").queryAs(TabPane.class);
        assertThat(views.getTabs()).extracting(Tab::getText).containsExactly("主题", "消息", "发布", "回放", "服务器");
        assertThat(views.getTabs()).extracting(Tab::getId).containsExactly("tabTopics", "tabMessages", "tabPublish", "tabReplay", "tabBroker");

        robot.interact(() -> views.getSelectionModel().select(3));
        assertThat(robot.lookup("#replayStart").queryAs(Button.class).getText()).isEqualTo("回放");
        robot.interact(() -> connection.replay().startReplay());
        assertThat(robot.lookup("#replayStatus").queryAs(Label.class).getText()).isEqualTo("请先连接：消息会回放到此连接");
    }

    @Test
    void theHistoryStatusSaysItsFiguresInTheInterfaceLanguage() {
        long now = 1_764_081_720_000L; // 25 Nov 2025 14:42 UTC
        HistorySettings limits = new HistorySettings(true, Duration.ofDays(7), 2L * 1024 * 1024 * 1024);
        HistoryMaintenance.Summary summary = new HistoryMaintenance.Summary(8_345_221, OptionalLong.of(now - 3 * 86_400_000L), 1_288_490_189L, 12_000);
        assertThat(DiskHistoryViewModel.describe(summary, limits, ZoneOffset.UTC, now, Texts.simplifiedChinese()))
                .isEqualTo("磁盘：自 11月22日 14:42 起 8,345,221 条消息 · 1.2 GB / 2.0 GB · 已按保留策略删除 12,000 条");
        assertThat(DiskHistoryViewModel.describe(summary, limits, ZoneOffset.UTC, now, Texts.english()))
                .isEqualTo("On disk: 8,345,221 messages since 22 Nov 14:42 · 1.2 GB of 2.0 GB · 12,000 removed by retention");
        assertThat(DiskHistoryViewModel.limitsText(limits, Texts.simplifiedChinese())).startsWith("消息最多保存 7 天、2.0 GB；");
    }

    @Test
    void theEventLinesSpeakChinese(FxRobot robot) throws Exception {
        robot.interact(connection::connect);
        pumpUntil(robot, () -> connection.stateProperty().get() == ConnectionState.CONNECTED
                && connection.events().stream().anyMatch(e -> e.text().startsWith("CONNACK")));
        robot.interact(connection::disconnect);
        pumpUntil(robot, () -> connection.events().stream().anyMatch(e -> e.text().startsWith("Disconnected")));
        robot.interact(() -> robot.lookup("#connectionViews").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#messageDetailTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<ConnectionEvent> list = robot.lookup("#eventList").queryAs(ListView.class);
        List<String> shown = robot.lookup("#eventList .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null && !t.isBlank()).toList();
        assertThat(list.getItems()).extracting(ConnectionEvent::text).anyMatch(t -> t.startsWith("CONNACK 0x00 Success: session present"));
        assertThat(shown).anyMatch(t -> t.contains("正在连接 " + TestBroker.tcpUrl()))
                .anyMatch(t -> t.contains("CONNACK 0x00 成功：")).anyMatch(t -> t.endsWith("已断开（DISCONNECT 0x00 成功）"));
        for (String line : shown) {
            assertThat(line.replaceAll("[a-z]+://[^，\\s]+|'[^']*'|“[^”]*”|（[^（）]*）", "")).as(line).doesNotContainPattern("[a-z]{4,}");
        }
    }

    @Test
    void aRefusedConnectionIsExplainedInChinese(FxRobot robot) throws Exception {
        ConnectionViewModel refused = workspace.connections().get(1);
        robot.interact(refused::connect);
        pumpUntil(robot, () -> refused.statusTextProperty().get().contains("拒绝"));
        String status = refused.statusTextProperty().get();
        String authority = "127.0.0.1:" + closedPort;
        assertThat(status).contains(authority + " 拒绝了连接：服务器是否在运行并监听该端口？");
        assertThat(status.replace(authority, "")).as(status).doesNotContainPattern("[a-z]{4,}");
        robot.interact(refused::disconnect);
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs the window's frame step (which takes the connection's events and status) until {@code done}. */
    private void pumpUntil(FxRobot robot, java.util.function.BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            robot.interact(() -> workspace.onFrame(System.nanoTime()));
            return done.getAsBoolean();
        });
    }
}
