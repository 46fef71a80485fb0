package io.mqttworkbench.ui.publish;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.QosChoice;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Publish a text payload to a topic; Ctrl+Enter sends. */
public final class PublishPane {
    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final PublishViewModel viewModel;
    private final javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state;

    public PublishPane(PublishViewModel viewModel, javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> state) {
        this.viewModel = viewModel;
        this.state = state;
    }

    public Node build() {
        Texts texts = viewModel.texts();
        Label title = Forms.sectionTitle(texts.text("publish.simple.title"));
        TextField topic = Forms.validatedField("publishTopic", texts.text("publish.simple.topic.prompt"), viewModel.topicProperty(),
                viewModel.topicProblemProperty());
        Label problem = Forms.problemLabel("publishProblem", viewModel.topicProblemProperty());

        CheckBox retain = new CheckBox(texts.text("publish.retain"));
        retain.setId("publishRetain");
        retain.selectedProperty().bindBidirectional(viewModel.retainProperty());

        TextArea payload = new TextArea();
        payload.setId("publishPayload");
        payload.setPromptText(texts.text("publish.simple.payload.prompt"));
        payload.getStyleClass().add(UiStyles.MONOSPACE);
        payload.setPrefRowCount(4);
        payload.setMinHeight(60);
        VBox.setVgrow(payload, javafx.scene.layout.Priority.ALWAYS);
        payload.setWrapText(true);
        payload.textProperty().bindBidirectional(viewModel.payloadProperty());
        payload.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (SEND.match(event)) {
                viewModel.publish();
                event.consume();
            }
        });

        Button publish = new Button(texts.text("publish.publish"), new FontIcon(Feather.SEND));
        publish.setId("publishButton");
        publish.getStyleClass().add(Styles.ACCENT);
        publish.setOnAction(e -> viewModel.publish());
        publish.disableProperty().bind(state.isNotEqualTo(ConnectionState.CONNECTED));

        Label result = new Label();
        result.setId("publishResult");
        result.getStyleClass().add("result-text");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultProperty());
        LazyContent.follow(viewModel.resultIsErrorProperty(), error -> {
            result.pseudoClassStateChanged(UiStyles.ERROR, error);
            result.pseudoClassStateChanged(UiStyles.SUCCESS, !error);
        });
        Label hint = new Label(texts.text("publish.simple.hint"));
        hint.getStyleClass().add(UiStyles.SECONDARY);

        HBox options = new HBox(10, QosChoice.boundTo(viewModel.qosProperty()), retain);
        options.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox actions = new HBox(10, publish, hint);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox pane = new VBox(title, topic, problem, options, payload, actions, result);
        pane.getStyleClass().add(UiStyles.FORM_PANE);
        return pane;
    }
}
