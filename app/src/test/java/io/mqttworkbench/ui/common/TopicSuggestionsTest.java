package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.ui.workspace.Theme;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topic suggestions under a topic field, headless: themed without CSS errors, and wide enough for long topics. */
@ExtendWith(ApplicationExtension.class)
class TopicSuggestionsTest {

    private static final String LONG_TOPIC = "factory/line-one/press-station-three/hydraulics/pressure/sensor-a";

    /** JavaFX reports CSS it cannot apply through java.util.logging's "javafx.css" logger. */
    private final Logger cssLog = Logger.getLogger("javafx.css");
    private final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                cssWarnings.add(String.valueOf(record.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private TextField field;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        cssLog.addHandler(collector);
        field = new TextField();
        field.setId("topic");
        TopicSuggestions.attach(field, typed -> List.of(LONG_TOPIC, "factory/line-one/press"));
        VBox root = new VBox(field);
        Scene scene = new Scene(root, 360, 300);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void detach() {
        cssLog.removeHandler(collector);
    }

    @Test
    void theSuggestionsOpenThemedWithoutCssErrorsAndAtLeastAsWideAsTheField(FxRobot robot) throws Exception {
        robot.clickOn("#topic").write("fac");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> suggestionList() != null && suggestionList().getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = suggestionList();

        assertThat(cssWarnings).as("CSS warnings while the suggestions opened").isEmpty();
        assertThat(list.getStylesheets()).noneMatch(sheet -> sheet.endsWith("autocompletion.css"));
        assertThat(list.getBackground()).as("the popup's background from the theme").isNotNull();
        assertThat(list.getBackground().getFills()).isNotEmpty();
        assertThat(list.getWidth()).as("the popup spans the field").isGreaterThanOrEqualTo(field.getWidth() - 1);
    }

    /** The ListView of the shown suggestions popup, or null while none is shown. */
    private static ListView<?> suggestionList() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                var found = window.getScene().getRoot().lookup(".auto-complete-popup.list-view");
                if (found instanceof ListView<?> list) {
                    return list;
                }
            }
        }
        return null;
    }
}
