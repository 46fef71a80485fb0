package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.ui.workspace.Theme;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Chinese, Japanese and Korean text renders in every kind of control, with the window's own style sheets.
 * A glyph the font lacks is drawn as the same empty box whatever the character, so each control is drawn
 * twice with two different characters: identical pictures mean boxes.
 */
@ExtendWith(ApplicationExtension.class)
class CjkGlyphTest {

    private StackPane root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        root = new StackPane();
        Scene scene = new Scene(root, 420, 260);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void needsACjkFont() {
        boolean installed = FontChoice.of(Font.getFamilies(), FontChoice.Platform.current(), Locale.getDefault()).uiFamily().isPresent()
                || FontChoice.Platform.current() != FontChoice.Platform.LINUX;
        Assumptions.assumeTrue(installed, "no CJK font is installed (on Debian: apt-get install fonts-noto-cjk): glyph checks skipped");
    }

    static Stream<Arguments> controls() {
        return Stream.of(
                control("label", Label::new),
                control("button", Button::new),
                control("text field", TextField::new),
                control("monospace label", text -> {
                    Label label = new Label(text);
                    label.getStyleClass().add(UiStyles.MONOSPACE);
                    return label;
                }),
                control("combo box", text -> new ComboBox<>(FXCollections.observableArrayList(text)) {
                    {
                        getSelectionModel().select(0);
                    }
                }),
                control("list", text -> new ListView<>(FXCollections.observableArrayList(text))),
                control("tree", text -> new TreeView<>(new TreeItem<>(text))),
                control("log table", text -> {
                    TableView<String> table = new TableView<>(FXCollections.observableArrayList(text));
                    table.getStyleClass().add("message-table");
                    TableColumn<String, String> topic = new TableColumn<>("Topic");
                    topic.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(row.getValue()));
                    table.getColumns().add(topic);
                    return table;
                }),
                control("table header", text -> {
                    TableView<String> table = new TableView<>();
                    table.getColumns().add(new TableColumn<String, String>(text));
                    return table;
                }),
                control("code view", text -> {
                    CodeArea area = new CodeArea("{\"" + text + "\": 23.5}");
                    area.getStyleClass().addAll("payload-code", UiStyles.MONOSPACE);
                    return area;
                }),
                control("chart", text -> {
                    LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
                    chart.setTitle(text);
                    chart.setAnimated(false);
                    XYChart.Series<String, Number> series = new XYChart.Series<>();
                    series.setName(text);
                    series.getData().add(new XYChart.Data<>(text, 1));
                    chart.getData().add(series);
                    return chart;
                }),
                control("tab", text -> new TabPane(new Tab(text, new Label()))),
                control("dialog", text -> {
                    DialogPane pane = new DialogPane();
                    pane.setHeaderText(text);
                    pane.setContentText(text);
                    return pane;
                }));
    }

    private static Arguments control(String kind, Function<String, Node> make) {
        return Arguments.of(kind, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void rendersTwoDifferentCjkCharactersDifferently(String kind, Function<String, Node> make) {
        for (List<String> pair : List.of(List.of("温度", "压力"), List.of("日本", "東京"), List.of("한국", "서울"))) {
            int[] first = onFx(() -> snapshot(make.apply("主题 " + pair.get(0))));
            int[] second = onFx(() -> snapshot(make.apply("主题 " + pair.get(1))));
            assertThat(first).as("%s with %s and %s: the same picture, so the glyphs are missing", kind, pair.get(0), pair.get(1))
                    .isNotEqualTo(second);
        }
    }

    @org.junit.jupiter.api.Test
    void rendersATooltip() {
        int[] first = onFx(() -> tooltip("订阅 温度"));
        int[] second = onFx(() -> tooltip("订阅 压力"));
        assertThat(first).as("a tooltip's glyphs").isNotEqualTo(second);
    }

    @org.junit.jupiter.api.Test
    void rendersEmojiInPayloadsWhereAMonochromeEmojiFontIsInstalled() {
        // JavaFX 21 draws no colour emoji; Symbola (fonts-symbola) or Noto Emoji give it outlines to fall back to
        Assumptions.assumeTrue(Font.getFamilies().stream().anyMatch(f -> f.equals("Symbola") || f.equals("Noto Emoji")),
                "no monochrome emoji font is installed (on Debian: apt-get install fonts-symbola): emoji check skipped");
        int[] fire = onFx(() -> snapshot(codeLabel("{\"status\": \"\uD83D\uDD25\"}")));
        int[] rocket = onFx(() -> snapshot(codeLabel("{\"status\": \"\uD83D\uDE80\"}")));
        assertThat(fire).as("two emoji drawn alike: boxes").isNotEqualTo(rocket);
    }

    private static Node codeLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(UiStyles.MONOSPACE);
        return label;
    }

    private static int[] onFx(java.util.concurrent.Callable<int[]> work) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int[] tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.show(stage, stage.getX() + 10, stage.getY() + 10);
        tooltip.getScene().getRoot().applyCss();
        tooltip.getScene().getRoot().layout();
        int[] pixels = pixels(tooltip.getScene().getRoot().snapshot(null, null));
        tooltip.hide();
        return pixels;
    }

    private int[] snapshot(Node node) {
        root.getChildren().setAll(node);
        root.applyCss();
        root.layout();
        return pixels(root.snapshot(null, null));
    }

    private static int[] pixels(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        IntBuffer buffer = IntBuffer.allocate(width * height);
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), buffer, width);
        return buffer.array();
    }
}
