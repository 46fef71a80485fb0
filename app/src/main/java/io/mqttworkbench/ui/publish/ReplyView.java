package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.PayloadCodeArea;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Below "Send and wait for reply": what became of the request, and the reply's payload whole in the
 * log's code view (decoded the same way, coloured, searchable, wrapped on demand), with copy.
 */
final class ReplyView {
    private final RequestViewModel viewModel;
    private final PayloadCodeArea code;

    ReplyView(RequestViewModel viewModel, Executor background, Executor ui) {
        this.viewModel = viewModel;
        this.code = new PayloadCodeArea(background, ui);
    }

    Node build() {
        Label summary = new Label();
        summary.setId("composerReply");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.replyProperty());
        code.area().setId("composerReplyPayload");
        code.searchField().setId("composerReplySearch");
        ToggleButton wrap = code.wrapToggle("composerReplyWrap");
        Button copy = code.copyButton("composerReplyCopy", "Copy the selection, or all of the reply");
        FlowPane bar = new FlowPane(6, 6, code.searchField(), code.matchesLabel(), wrap, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        Node view = code.view();
        view.getStyleClass().add("reply-payload");
        VBox payload = new VBox(4, bar, view);
        payload.managedProperty().bind(viewModel.replyPayloadProperty().isNotNull());
        payload.visibleProperty().bind(payload.managedProperty());
        code.show(viewModel.replyPayloadProperty().get());
        viewModel.replyPayloadProperty().addListener((obs, old, decoded) -> code.show(decoded));
        summary.getStyleClass().add(UiStyles.SECONDARY);
        return new VBox(4, summary, payload);
    }
}
