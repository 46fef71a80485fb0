package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import io.mqttworkbench.ui.log.MessageDetailViewModel;
import io.mqttworkbench.ui.tree.TopicCell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, driven like a user would, headless (Monocle), against the embedded broker. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private MainWindowViewModel viewModel;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Path configDir = createTempDirectory();
    private FrameTicker frames;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector,
                new ProfileLibrary(new ProfileStore(configDir), message -> { }), dialogs, Platform::runLater, Runnable::run,
                configDir.resolve("certificates"), Texts.english());
        viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
        stage.setScene(new MainWindowView(viewModel).scene(1280, 800));
        viewModel.layout().sidebarCollapsedProperty().set(false); // these tests use the sidebar's quick connect
        stage.show();
        frames = new FrameTicker(viewModel);
        frames.start();
    }

    private static Path createTempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("window-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> frames.stop()).get(5, TimeUnit.SECONDS);
        viewModel.shutdown();
    }

    @Test
    void startsTheSandboxSubscribesPublishesAndListsTheMessage(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = viewModel.connections().get(0);

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText()).startsWith("Connected");

        robot.clickOn("#subscribeFilter");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("#");
        robot.clickOn("#subscribeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.subscriptions().rows().stream()
                .anyMatch(row -> row.filter().equals("#") && row.resultProperty().get().equals("QoS 1 granted")));

        String topic = "gui/test/" + System.nanoTime();
        robot.clickOn("#publishTopic").write(topic);
        robot.clickOn("#publishPayload").write("{\"hello\":\"window\"}");
        robot.clickOn("#publishButton");

        clickTab(robot, "Messages"); // built when first opened
        TableView<ReceivedMessage> table = robot.lookup("#messageTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(m -> m.topic().equals(topic)));
        ReceivedMessage listed = table.getItems().stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
        assertThat(new String(listed.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"window\"}");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(cell -> cell instanceof javafx.scene.control.Labeled l && topic.equals(l.getText())));
        assertThat(robot.lookup("#publishResult").queryAs(Label.class).getText()).startsWith("Sent (QoS 0");

        robot.clickOn("#disconnectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.DISCONNECTED);
    }

    /** Connects the sandbox with the button and subscribes to # through the form, as a user would. */
    private ConnectionViewModel connectAndSubscribeToEverything(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = viewModel.connections().get(0);
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.CONNECTED);
        retype(robot, "#subscribeFilter", "#");
        robot.clickOn("#subscribeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.subscriptions().rows().stream()
                .anyMatch(row -> row.filter().equals("#") && row.resultProperty().get().equals("QoS 1 granted")));
        return sandbox;
    }

    /** Replaces the text of a field the way a user does: click, select all, type. */
    private static void retype(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    private static void publish(FxRobot robot, String topic, String payload) {
        retype(robot, "#publishTopic", topic);
        retype(robot, "#publishPayload", payload);
        robot.clickOn("#publishButton");
    }

    /** The tree's rows on screen: the topic each shows, with its count label. */
    private static java.util.Map<String, String> visibleRows(FxRobot robot) {
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        for (javafx.scene.Node node : robot.lookup(".topic-cell").queryAll()) {
            if (node instanceof TopicCell cell && !cell.isEmpty() && cell.getItem() != null && cell.isVisible()) {
                Label count = (Label) cell.lookup(".topic-count");
                rows.put(cell.getItem().topic(), count == null ? "" : count.getText());
            }
        }
        return rows;
    }

    @Test
    void theTopicTreeCountsFiltersAndShowsHistoryWithADiff(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = connectAndSubscribeToEverything(robot);

        String base = "tree" + System.nanoTime();
        publish(robot, base + "/room1/temp", "{\"t\":20,\"unit\":\"C\"}");
        publish(robot, base + "/room1/temp", "{\"t\":21,\"unit\":\"C\"}");
        publish(robot, base + "/room1/door", "open");
        publish(robot, base + "/room2/temp", "{\"t\":19,\"unit\":\"C\"}");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.traffic().tree().find(base + "/room2/temp") != null);

        // A text filter opens the way to every topic containing it.
        retype(robot, "#topicFilter", base);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visibleRows(robot).keySet()
                .containsAll(List.of(base, base + "/room1", base + "/room1/temp", base + "/room1/door", base + "/room2/temp")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "2".equals(visibleRows(robot).get(base + "/room1/temp")));
        java.util.Map<String, String> rows = visibleRows(robot);
        assertThat(rows.get(base + "/room1/door")).isEqualTo("1");
        assertThat(rows.get(base + "/room1")).isEqualTo("2 topics · 3 msg");
        assertThat(rows.get(base)).isEqualTo("3 topics · 4 msg");
        assertThat(robot.lookup("#topicFilterNote").queryAs(Label.class).getText()).startsWith("3 of ");

        // An MQTT filter narrows the tree to the topics it matches.
        retype(robot, "#topicFilter", base + "/+/temp");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !visibleRows(robot).containsKey(base + "/room1/door"));
        assertThat(visibleRows(robot)).containsKeys(base + "/room1/temp", base + "/room2/temp");
        assertThat(robot.lookup("#topicFilterNote").queryAs(Label.class).getText()).startsWith("2 of ");

        // The node's history, and the diff of its last message against the one before.
        robot.clickOn(robot.lookup(".topic-cell").match(n -> n instanceof TopicCell c && c.getItem() != null
                && c.getItem().topic().equals(base + "/room1/temp")).queryAs(TopicCell.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#topicDetailTopic").queryAs(Label.class).getText()
                .equals(base + "/room1/temp"));
        robot.clickOn(robot.lookup("#topicDetailTabs .tab-label").match(n -> n instanceof Label l && l.getText().equals("History")).queryAs(Label.class));
        TableView<ReceivedMessage> history = robot.lookup("#topicHistory").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        // the History tab is built when first opened: wait for its first row to be laid out, then pick it
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#topicHistory .table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 0 && r.getItem() != null).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#topicHistory .table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#diffSummary").queryAs(Label.class).getText()
                .equals("JSON: 1 field changed"));
        javafx.scene.control.ListView<io.mqttworkbench.decode.PayloadDiff.Line> lines = robot.lookup("#diffLines").queryListView();
        assertThat(lines.getItems()).filteredOn(l -> l.change() == io.mqttworkbench.decode.PayloadDiff.Change.CHANGED)
                .singleElement().satisfies(l -> {
                    assertThat(l.text()).contains("\"t\": 21");
                    assertThat(l.was()).isEqualTo("20");
                });
    }

    private static void clickTab(FxRobot robot, String text) {
        // Tabs of views not in front are built ahead of time too: only a label on screen can be clicked.
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Label l && l.getText().startsWith(text) && onScreen(l))
                .queryAs(Label.class));
    }

    private static boolean onScreen(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean listed(TableView<ReceivedMessage> table, String topic) {
        return table.getItems().stream().anyMatch(m -> m.topic().equals(topic));
    }

    @Test
    void theMessageLogPausesDecodesSwitchesToHexAndFilters(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = connectAndSubscribeToEverything(robot);
        clickTab(robot, "Messages");

        String base = "log" + System.nanoTime();
        publish(robot, base + "/a/1", "{\"a\":1}");
        publish(robot, base + "/a/2", "plain text");
        publish(robot, base + "/b/1", "{\"b\":[1,2],\"ok\":true}");
        TableView<ReceivedMessage> table = robot.lookup("#messageTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> listed(table, base + "/b/1"));

        // Pause holds the rows still and counts what arrives meanwhile.
        robot.clickOn("#pauseToggle");
        publish(robot, base + "/a/3", "later");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pauseToggle").queryAs(ToggleButton.class).getText().equals("Resume · 1 new"));
        assertThat(listed(table, base + "/a/3")).isFalse();
        robot.clickOn("#pauseToggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listed(table, base + "/a/3"));

        // A JSON message is pretty-printed; switched to hex it shows its bytes.
        int row = table.getItems().indexOf(table.getItems().stream().filter(m -> m.topic().equals(base + "/b/1")).findFirst().orElseThrow());
        robot.interact(() -> {
            table.scrollTo(row);
            table.getSelectionModel().clearAndSelect(row);
        });
        org.fxmisc.richtext.CodeArea code = robot.lookup("#payloadCode").queryAs(org.fxmisc.richtext.CodeArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> code.getText().equals("{\n  \"b\": [\n    1,\n    2\n  ],\n  \"ok\": true\n}"));
        assertThat(robot.lookup("#decodedNote").queryAs(Label.class).getText()).startsWith("JSON");
        robot.clickOn("#decoderChoice");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c && "Hex".equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> code.getText().startsWith("00000000  7b 22 62 22"));

        // A topic wildcard narrows the log, and the result stays live.
        retype(robot, "#logTopicFilter", base + "/a/+");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(ReceivedMessage::topic).containsExactly(base + "/a/1", base + "/a/2", base + "/a/3");
        assertThat(robot.lookup("#logQuerySummary").queryAs(Label.class).getText()).startsWith("3 of ");
        publish(robot, base + "/a/4", "new and matching");
        publish(robot, base + "/b/2", "new, not matching");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> listed(table, base + "/a/4"));
        assertThat(listed(table, base + "/b/2")).isFalse();
    }

    @Test
    void theComposerSendsPropertiesRemembersAndUsesTemplates(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = connectAndSubscribeToEverything(robot);
        String topic = "composer" + System.nanoTime() + "/order";
        clickTab(robot, "Publish");
        retype(robot, "#composerTopic", topic);
        robot.clickOn("#composerEncoding");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c && "JSON".equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        robot.clickOn("#composerPayload").write("{\"id\":\"A-1\",\"qty\":2}");
        robot.clickOn(robot.lookup("#composerProperties .title").queryAs(javafx.scene.Node.class));
        robot.clickOn("#composerAddUserProperty").write("tenant").type(KeyCode.ENTER);
        robot.clickOn("#composerAddUserProperty").write("trace").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sandbox.publishing().userProperties().size() == 2
                && sandbox.publishing().userProperties().get(1).keyProperty().get().equals("trace"));
        robot.clickOn("#composerSend");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#composerResult").queryAs(Label.class).getText().startsWith("Sent"));

        // The message in the log, with its user properties.
        clickTab(robot, "Messages");
        TableView<ReceivedMessage> table = robot.lookup("#messageTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> listed(table, topic));
        int row = table.getItems().indexOf(table.getItems().stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        clickTab(robot, "Properties");
        TableView<MessageDetailViewModel.PropertyRow> properties = robot.lookup("#detailProperties").queryTableView();
        // the user properties, beside the subscription identifier the workbench gave the # subscription
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> properties.getItems().stream().filter(p -> p.name().startsWith("User: ")).count() == 2);
        assertThat(properties.getItems()).extracting(MessageDetailViewModel.PropertyRow::name).filteredOn(n -> n.startsWith("User: "))
                .containsExactly("User: tenant", "User: trace");

        // Sent again from the history.
        clickTab(robot, "Publish");
        javafx.scene.control.ListView<?> history = robot.lookup("#historyList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#historyResend");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().filter(m -> m.topic().equals(topic)).count() == 2);

        // Saved as a template, and used again after the composer changed.
        clickTab(robot, "Templates");
        dialogs.texts.push(java.util.Optional.of("Demo"));
        dialogs.texts.push(java.util.Optional.of("Order"));
        robot.clickOn("#templateSave");
        javafx.scene.control.ListView<?> templates = robot.lookup("#templateList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> templates.getItems().size() == 1);
        // The open properties scrolled the form down; closing them brings the topic back into view, as a user would.
        robot.clickOn(robot.lookup("#composerProperties .title").queryAs(javafx.scene.Node.class));
        retype(robot, "#composerTopic", "somewhere/else");
        robot.interact(() -> templates.getSelectionModel().select(0));
        robot.clickOn("#templateLoad");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sandbox.publishing().topicProperty().get().equals(topic));
        assertThat(sandbox.publishing().payloadProperty().get()).isEqualTo("{\"id\":\"A-1\",\"qty\":2}");
    }

    /** A node in the selected connection's tab (each open connection has its own copy of every control). */
    private static <T extends javafx.scene.Node> T inSelectedConnection(FxRobot robot, String query, Class<T> type) {
        javafx.scene.control.TabPane tabs = robot.lookup("#connectionTabs").queryAs(javafx.scene.control.TabPane.class);
        return type.cast(tabs.getSelectionModel().getSelectedItem().getContent().lookup(query));
    }

    private static void clickTabInSelectedConnection(FxRobot robot, String text) {
        javafx.scene.control.TabPane tabs = robot.lookup("#connectionTabs").queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        robot.clickOn(content.lookupAll(".tab-label").stream().filter(n -> n instanceof Label l && l.getText().equals(text))
                .findFirst().orElseThrow());
    }

    @Test
    void recordsFromOneConnectionAndReplaysIntoAnotherUnderMappedTopics(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ConnectionViewModel sandbox = connectAndSubscribeToEverything(robot);
        String base = "gui" + System.nanoTime();
        Path file = dir.resolve("capture.jsonl");

        // record on the sandbox connection, only what is under base/
        clickTabInSelectedConnection(robot, "Replay");
        robot.clickOn(inSelectedConnection(robot, "#recordFilters", javafx.scene.control.TextField.class)).write(base + "/#");
        robot.clickOn(inSelectedConnection(robot, "#recordGzip", javafx.scene.control.CheckBox.class));
        dialogs.files.push(java.util.Optional.of(file));
        robot.clickOn(inSelectedConnection(robot, "#recordStart", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.replay().recordingProperty().get());
        try (io.mqttworkbench.mqtt.BrokerConnection publisher = new io.mqttworkbench.mqtt.BrokerConnection("gui-pub",
                io.mqttworkbench.mqtt.ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            for (int i = 1; i <= 3; i++) {
                publisher.publish(new io.mqttworkbench.mqtt.PublishRequest(base + "/line/" + i, ("v" + i).getBytes(), 1, false)).get(10, TimeUnit.SECONDS);
                Thread.sleep(50);
            }
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.replay().recordStatusProperty().get().startsWith("Recording: 3 messages"));
        robot.clickOn(inSelectedConnection(robot, "#recordStop", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sandbox.replay().recordStatusProperty().get().startsWith("Recorded 3 messages"));

        // a second connection replays it, mapped into another namespace
        robot.clickOn("#newConnectionUrl").write(TestBroker.tcpUrl().toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.quickConnect().unsaved().size() == 1
                && viewModel.quickConnect().unsaved().get(0).stateProperty().get() == ConnectionState.CONNECTED);
        ConnectionViewModel second = viewModel.quickConnect().unsaved().get(0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.selectedProperty().get() == second);
        clickTabInSelectedConnection(robot, "Replay");
        dialogs.files.push(java.util.Optional.of(file));
        robot.clickOn(inSelectedConnection(robot, "#replayOpen", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.replay().recordingInfoProperty().get().contains("3 messages"));
        robot.clickOn(inSelectedConnection(robot, "#replayMap", javafx.scene.control.TextField.class)).write(base + "/=mapped/" + base + "/");
        robot.clickOn(inSelectedConnection(robot, "#replayStart", javafx.scene.control.Button.class));
        javafx.scene.control.ProgressBar progress = inSelectedConnection(robot, "#replayProgress", javafx.scene.control.ProgressBar.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> progress.getProgress() == 1.0
                && second.replay().replayStatusProperty().get().startsWith("Done"));
        assertThat(second.replay().replayStatusProperty().get()).contains("3 sent, 0 refused");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.log().everythingShown().stream()
                .filter(m -> m.topic().startsWith("mapped/" + base + "/line/")).count() == 3);
    }

    @Test
    void aBadUrlIsExplainedAsYouTypeAndNothingIsAdded(FxRobot robot) {
        robot.clickOn("#newConnectionUrl").write("http://broker:1883");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#newConnectionProblem").queryAs(Label.class).getText()).contains("Unknown scheme 'http'");
        robot.type(KeyCode.ENTER);
        assertThat(viewModel.connections()).hasSize(1);
        assertThat(viewModel.quickConnect().unsaved()).isEmpty();
    }

    @Test
    void anUnreachableBrokerFailsWithTheReasonShown(FxRobot robot) throws Exception {
        robot.clickOn("#newConnectionUrl").write("mqtt://127.0.0.1:1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> viewModel.quickConnect().unsaved().size() == 1
                && viewModel.quickConnect().unsaved().get(0).stateProperty().get() == ConnectionState.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connectionStatus").queryAll().stream().map(n -> ((Label) n).getText()))
                .anySatisfy(text -> assertThat(text).contains("Connection refused by 127.0.0.1:1"));
    }
}
