package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a laptop screen: at 1280×800 the log and the tree show at least 15 rows with their
 * details open; at 1024×700 no control of the Topics, Messages, Publish and Replay tabs runs past the
 * edge of what shows it, no label is cut to "…" and no tab row needs its overflow chevron.
 */
class WindowLayoutTest {
    private final Path configDir = createTempDirectory();
    private MainWindowViewModel viewModel;
    private FrameTicker frames;
    private Stage stage;

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            frames.stop();
            stage.close();
        }).get(5, TimeUnit.SECONDS);
        viewModel.shutdown();
    }

    @Test
    void atTwelveEightyByEightHundredTheLogAndTheTreeShowFifteenRowsBesideTheirDetails() throws Exception {
        FxRobot robot = open(1280, 800);
        ConnectionViewModel sandbox = connectAndFill(robot, 40);

        clickTab(robot, "Messages");
        TableView<?> table = robot.lookup("#messageTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() >= 40);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onScreen(robot.lookup("#messageDetailTabs").query())).as("the message detail is open").isTrue();
        assertThat(rowsInView(table, table.getFixedCellSize())).as("message rows in view").isGreaterThanOrEqualTo(15);
        assertNothingClipped(robot, "Messages at 1280×800");

        clickTab(robot, "Topics");
        TreeView<?> tree = robot.lookup(".topic-tree").match(WindowLayoutTest::onScreen).queryAs(TreeView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            tree.getRoot().setExpanded(true);
            tree.getRoot().getChildren().forEach(child -> {
                child.setExpanded(true);
                child.getChildren().forEach(grandChild -> grandChild.setExpanded(true));
            });
            tree.getSelectionModel().select(3);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double cell = robot.lookup(".topic-tree .tree-cell").match(WindowLayoutTest::onScreen).query().getLayoutBounds().getHeight();
        assertThat(rowsInView(tree, cell)).as("topic rows in view").isGreaterThanOrEqualTo(15);
        assertNothingClipped(robot, "Topics at 1280×800");
        assertThat(sandbox.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void atTenTwentyFourBySevenHundredNothingIsClippedCutOrBehindAChevron() throws Exception {
        FxRobot robot = open(1024, 700);
        connectAndFill(robot, 10);
        for (String tab : List.of("Topics", "Messages", "Publish", "Replay")) {
            clickTab(robot, tab);
            WaitForAsyncUtils.waitForFxEvents();
            assertNothingClipped(robot, "the " + tab + " tab at 1024×700");
        }
        List<String> chevrons = new ArrayList<>();
        for (Node tabs : robot.lookup(".tab-pane").queryAll()) {
            Node chevron = tabs.lookup(".control-buttons-tab");
            if (onScreen(tabs) && chevron != null && chevron.isVisible() && chevron.getLayoutBounds().getWidth() > 0) {
                chevrons.add(tabs.getId());
            }
        }
        assertThat(chevrons).as("tab rows that need their overflow chevron").isEmpty();
    }

    @Test
    void everyTabStopIsAControlThatShowsItsFocus() throws Exception {
        FxRobot robot = open(1280, 800);
        connectAndFill(robot, 5);
        clickTab(robot, "Messages");
        java.util.Set<String> stops = new java.util.LinkedHashSet<>();
        List<String> without = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            robot.type(javafx.scene.input.KeyCode.TAB);
            Node owner = stage.getScene().getFocusOwner();
            String name = owner == null ? "nothing" : owner.getClass().getSimpleName() + (owner.getId() == null ? "" : "#" + owner.getId());
            stops.add(name);
            // Containers take the focus without showing it: a Tab stop the user cannot see.
            if (owner == null || owner instanceof ScrollPane || owner instanceof javafx.scene.control.SplitPane || !(owner instanceof Control)) {
                without.add(name);
            }
        }
        assertThat(without).as("Tab stops without a visible focus, among %s", stops).isEmpty();
    }

    private FxRobot open(int width, int height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.LIGHT.apply();
            ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
            ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector,
                    new ProfileLibrary(new ProfileStore(configDir), message -> { }), new ScriptedDialogs(), Platform::runLater, Runnable::run,
                    configDir.resolve("certificates"), Texts.english());
            viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
            stage = new Stage();
            stage.setScene(new MainWindowView(viewModel).scene(width, height));
            stage.show();
            frames = new FrameTicker(viewModel);
            frames.start();
        }).get(30, TimeUnit.SECONDS);
        return new FxRobot();
    }

    /** Connects the sandbox, subscribes to everything and publishes {@code count} messages on as many topics. */
    private ConnectionViewModel connectAndFill(FxRobot robot, int count) throws Exception {
        ConnectionViewModel sandbox = viewModel.connections().get(0);
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.CONNECTED);
        // Through the view model: at 1024 px the subscriptions column starts folded.
        WaitForAsyncUtils.asyncFx(() -> {
            if (sandbox.subscriptions().rows().stream().noneMatch(row -> row.filter().equals("#"))) {
                sandbox.subscriptions().form().filterProperty().set("#");
                sandbox.subscriptions().form().qosProperty().set(1);
                assertThat(sandbox.subscriptions().submit()).isTrue();
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.subscriptions().rows().stream()
                .anyMatch(row -> row.filter().equals("#") && row.resultProperty().get().equals("QoS 1 granted")));
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < count; i++) {
                sandbox.publishing().topicProperty().set("plant/line" + (i % 4) + "/sensor" + i + "/temperature");
                sandbox.publishing().payloadProperty().set("{\"t\":" + i + ",\"名称\":\"传感器\"}");
                assertThat(sandbox.publishing().publish()).isTrue();
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.log().receivedCountProperty().get() >= count);
        return sandbox;
    }

    private void assertNothingClipped(FxRobot robot, String where) throws Exception {
        Node content = robot.lookup("#connectionViews").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getContent();
        List<String> problems = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> check(content, problems)).get(5, TimeUnit.SECONDS);
        assertThat(problems).as(where).isEmpty();
    }

    /** Whole rows the list's viewport has room for, below its header. */
    private static double rowsInView(Control list, double cellHeight) {
        Node flow = list.lookup(".virtual-flow");
        return Math.floor(flow.getLayoutBounds().getHeight() / cellHeight);
    }

    /** Every visible control inside {@code node} ends inside the window and its scrolling viewport; no label is cut. */
    private void check(Node node, List<String> problems) {
        if (!node.isVisible() || !node.isManaged() && !(node instanceof Control)) {
            return;
        }
        if (node instanceof Control control && onScreen(control) && !insideCells(control)) {
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            Bounds viewport = viewportOf(control);
            if (bounds.getMaxX() > viewport.getMaxX() + 1 || bounds.getMinX() < viewport.getMinX() - 1) {
                problems.add(describe(control) + " ends at x=" + Math.round(bounds.getMaxX()) + " outside its viewport ending at "
                        + Math.round(viewport.getMaxX()));
            }
            if (control instanceof Labeled labeled && cut(labeled) && labeled.getTooltip() == null) {
                problems.add(describe(control) + " is cut to \"" + shown(labeled) + "\" without a tooltip");
            }
        }
        if (node instanceof Parent parent && !(node instanceof TableView<?>) && !(node instanceof TreeView<?>)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, problems);
            }
        }
    }

    private Bounds viewportOf(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll && scroll.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER) {
                return scroll.localToScene(scroll.getLayoutBounds());
            }
        }
        return new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    private static boolean insideCells(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.IndexedCell<?> || n.getStyleClass().contains("column-header")) {
                return true;
            }
        }
        return false;
    }

    private static boolean cut(Labeled labeled) {
        String text = labeled.getText();
        String shown = shown(labeled);
        return text != null && !text.isEmpty() && shown != null && !shown.equals(text) && shown.endsWith("…") && !labeled.isWrapText();
    }

    private static String shown(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : null;
    }

    private static String describe(Control control) {
        String text = control instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId()) + text;
    }

    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds b = node.localToScreen(node.getLayoutBounds());
        return b != null && b.getWidth() > 0 && b.getHeight() > 0;
    }

    private static void clickTab(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Label l && l.getText().startsWith(text) && onScreen(l))
                .queryAs(Label.class));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("layout-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
