package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.Decoded;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A read-only code view for a decoded payload: line numbers, JSON and XML colours (computed in the
 * background), search with Enter for the next match, and line wrapping on demand.
 */
public final class PayloadCodeArea {
    private final CodeArea area = new CodeArea();
    private final Executor background;
    private final Executor ui;
    private final TextField search = new TextField();
    private final Label matches = new Label();
    private int generation;
    private final Texts texts;

    public PayloadCodeArea(Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.background = background;
        this.ui = ui;
        area.setEditable(false);
        numberLines(0);
        area.getStyleClass().addAll("payload-code", UiStyles.MONOSPACE);
        area.setId("payloadCode");
        search.setPromptText(texts.text("common.payload.find"));
        search.setId("payloadSearch");
        search.setPrefColumnCount(14);
        search.setOnAction(e -> findNext());
        search.textProperty().addListener((obs, old, text) -> countMatches());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        matches.getStyleClass().add(UiStyles.SECONDARY);
        matches.setId("payloadMatches");
    }

    /**
     * Our own numbers rather than LineNumberFactory's (its padding uses spaces in a proportional font, so
     * line 10 started further right than line 9), padded to the width of the last number. Installed again
     * for each payload, so that paragraphs already on screen get the new width too.
     */
    private void numberLines(long firstLine) {
        int digits = Long.toString(Math.max(1, firstLine + area.getParagraphs().size())).length();
        String format = "%" + digits + "d";
        area.setParagraphGraphicFactory(line -> {
            // a later part of a large payload goes on with the whole output's numbers
            Label number = new Label(String.format(Locale.ROOT, format, firstLine + line + 1));
            number.getStyleClass().addAll("lineno", UiStyles.MONOSPACE);
            return number;
        });
    }

    public CodeArea area() {
        return area;
    }

    public Node view() {
        return new VirtualizedScrollPane<>(area);
    }

    public TextField searchField() {
        return search;
    }

    public Label matchesLabel() {
        return matches;
    }

    public void setWrap(boolean wrap) {
        area.setWrapText(wrap);
    }

    /** A toggle for {@link #setWrap(boolean)}. */
    public ToggleButton wrapToggle(String id) {
        ToggleButton wrap = new ToggleButton(null, new FontIcon(Feather.CORNER_DOWN_LEFT));
        wrap.setId(id);
        wrap.setTooltip(new Tooltip(texts.text("common.payload.wrap")));
        wrap.selectedProperty().addListener((obs, old, on) -> setWrap(on));
        return wrap;
    }

    /** A button that copies the selection, or all the text shown. */
    public Button copyButton(String id, String tooltip) {
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId(id);
        copy.setTooltip(new Tooltip(tooltip));
        copy.setOnAction(e -> {
            String selected = area.getSelectedText();
            ClipboardContent content = new ClipboardContent();
            content.putString(selected.isEmpty() ? area.getText() : selected);
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    /** Shows the text at once and colours it when the spans are ready (unless something newer came first). */
    public void show(Decoded decoded) {
        int mine = ++generation;
        String text = decoded == null ? "" : decoded.text();
        area.replaceText(text);
        numberLines(decoded == null ? 0 : decoded.firstLine());
        area.moveTo(0);
        area.requestFollowCaret();
        countMatches();
        if (decoded == null || text.isEmpty()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> PayloadHighlighter.spans(text, decoded.syntax()), background)
                .thenAcceptAsync((StyleSpans<Collection<String>> spans) -> {
                    if (mine == generation && area.getLength() == text.length()) {
                        area.setStyleSpans(0, spans);
                    }
                }, ui);
    }

    /** Selects the next occurrence after the caret, wrapping round at the end; case-insensitive. */
    public void findNext() {
        String needle = search.getText().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return;
        }
        String text = area.getText().toLowerCase(Locale.ROOT);
        int from = area.getSelection().getLength() > 0 ? area.getSelection().getEnd() : area.getCaretPosition();
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        if (at >= 0) {
            area.selectRange(at, at + needle.length());
            area.requestFollowCaret();
        }
    }

    private void countMatches() {
        String needle = search.getText().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            matches.setText("");
            return;
        }
        String text = area.getText().toLowerCase(Locale.ROOT);
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0 && count < 10_000; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        matches.setText(count == 0 ? texts.text("common.payload.no.match")
                : texts.format(count == 10_000 ? "common.payload.matches.more" : count == 1 ? "common.payload.matches.one" : "common.payload.matches.other", count));
    }
}
