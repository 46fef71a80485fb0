package io.mqttworkbench.ui.publish;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.PayloadCodeArea;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer's "Send and wait for reply" with its timeout, what became of the request, and the reply's
 * payload whole in the log's code view (decoded the same way, coloured, searchable, wrapped on demand),
 * with copy.
 */
final class RequestRow {
    private final RequestViewModel viewModel;
    private final ReadOnlyObjectProperty<ConnectionState> state;
    private final PayloadCodeArea code;

    RequestRow(RequestViewModel viewModel, ReadOnlyObjectProperty<ConnectionState> state, Executor background, Executor ui, io.mqttworkbench.ui.common.Texts texts) {
        this.viewModel = viewModel;
        this.state = state;
        this.code = new PayloadCodeArea(background, ui, texts);
    }

    Node build() {
        TextField timeout = Forms.boundField("composerTimeout", "10", viewModel.timeoutSecondsProperty());
        timeout.setPrefColumnCount(3);
        Texts texts = viewModel.texts();
        Button request = new Button(texts.text("publish.request.send"), new FontIcon(Feather.REFRESH_CW));
        request.setId("composerRequest");
        request.setTooltip(new Tooltip(texts.text("publish.request.tooltip")));
        request.setOnAction(e -> viewModel.send());
        request.disableProperty().bind(state.isNotEqualTo(ConnectionState.CONNECTED).or(viewModel.waitingProperty()));
        HBox wait = new HBox(8, ComposerPane.label(texts.text("publish.request.timeout")), timeout,
                ComposerPane.label(texts.text("publish.request.seconds")));
        wait.setAlignment(Pos.CENTER_LEFT);
        Node reply = reply();
        VBox.setVgrow(reply, Priority.ALWAYS);
        VBox row = new VBox(4, ComposerPane.wrapping(request, wait), reply);
        // a reply shares the height with the payload editor; without one the editor has it all
        viewModel.replyPayloadProperty().addListener((obs, old, got) -> VBox.setVgrow(row, got == null ? null : Priority.ALWAYS));
        return row;
    }

    private Node reply() {
        Label summary = new Label();
        summary.setId("composerReply");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps rather than cutting the topic short
        summary.textProperty().bind(viewModel.replyProperty());
        code.area().setId("composerReplyPayload");
        code.searchField().setId("composerReplySearch");
        ToggleButton wrap = code.wrapToggle("composerReplyWrap");
        Button copy = code.copyButton("composerReplyCopy", viewModel.texts().text("publish.request.copy"));
        FlowPane bar = new FlowPane(6, 6, code.searchField(), code.matchesLabel(), wrap, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        Node view = code.view();
        view.getStyleClass().add("reply-payload");
        VBox payload = new VBox(4, bar, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        payload.managedProperty().bind(viewModel.replyPayloadProperty().isNotNull());
        payload.visibleProperty().bind(payload.managedProperty());
        code.show(viewModel.replyPayloadProperty().get());
        viewModel.replyPayloadProperty().addListener((obs, old, decoded) -> code.show(decoded));
        summary.getStyleClass().add(UiStyles.SECONDARY);
        VBox.setVgrow(payload, Priority.ALWAYS);
        return new VBox(4, summary, payload);
    }
}
