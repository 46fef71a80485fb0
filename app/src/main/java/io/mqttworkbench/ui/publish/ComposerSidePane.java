package io.mqttworkbench.ui.publish;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.TemplateLibrary;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Beside the composer: what this profile sent (double-click loads, Send again re-sends) and the saved templates. */
public final class ComposerSidePane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss") // untranslated: digits only
            .withZone(ZoneId.systemDefault());

    private final ComposerLibraryViewModel library;
    private final Texts texts;

    ComposerSidePane(ComposerLibraryViewModel library) {
        this.library = library;
        this.texts = library.texts();
    }

    Node build() {
        TabPane tabs = new TabPane(new Tab(texts.text("publish.side.history"), history()),
                new Tab(texts.text("publish.side.templates"), templates()));
        tabs.setId("composerLibrary");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> library.refresh());
        Label notice = new Label();
        notice.setId("composerLibraryNotice");
        notice.getStyleClass().add(UiStyles.SECONDARY);
        notice.setWrapText(true);
        notice.textProperty().bind(library.noticeProperty());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, tabs, notice);
        box.getStyleClass().add("composer-side");
        return box;
    }

    private Node history() {
        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText(texts.text("publish.side.search"));
        search.textProperty().bindBidirectional(library.searchProperty());
        ListView<PublishHistory.Entry> list = new ListView<>(library.history());
        list.setId("historyList");
        list.setCellFactory(v -> new ListCell<>() {
            {
                fitWidth(this);
            }

            @Override
            protected void updateItem(PublishHistory.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                String payload = entry.composition().payload().replaceAll("\\s+", " ");
                setText(TIME.format(Instant.ofEpochMilli(entry.epochMillis())) + "  " + entry.composition().topic() + "\n"
                        + (payload.length() > 60 ? payload.substring(0, 60) + "…" : payload) + "  ·  " + entry.outcome());
            }
        });
        Label empty = new Label(texts.text("publish.side.history.empty"));
        empty.getStyleClass().add(UiStyles.SECONDARY);
        list.setPlaceholder(empty);
        onDoubleClick(list, library::load);
        Button resend = forSelected(list, texts.text("publish.side.resend"), Feather.SEND, "historyResend", library::resend);
        Button load = forSelected(list, texts.text("publish.side.load"), Feather.EDIT_2, "historyLoad", library::load);
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, search, list, buttons(load, resend));
    }

    /**
     * The list's width, not the text's: the list never scrolls sideways, a long line ends in "…" and the
     * whole of it shows on hover.
     */
    private static void fitWidth(ListCell<?> cell) {
        cell.setPrefWidth(0);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(cell.textProperty());
        cell.tooltipProperty().bind(javafx.beans.binding.Bindings.when(cell.textProperty().isNull()).then((javafx.scene.control.Tooltip) null)
                .otherwise(tip));
    }

    private Node templates() {
        ListView<TemplateLibrary.Template> list = new ListView<>(library.templates());
        list.setId("templateList");
        list.setCellFactory(v -> new ListCell<>() {
            {
                fitWidth(this);
            }

            @Override
            protected void updateItem(TemplateLibrary.Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.collection() + " / " + t.name() + "\n" + t.composition().topic());
            }
        });
        Label empty = new Label(texts.text("publish.side.templates.empty"));
        empty.getStyleClass().add(UiStyles.SECONDARY);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        onDoubleClick(list, library::load);
        Button save = new Button(texts.text("publish.side.saveCurrent"), new FontIcon(Feather.SAVE));
        save.setId("templateSave");
        save.setOnAction(e -> library.saveCurrentAsTemplate());
        Button load = forSelected(list, texts.text("publish.side.load"), Feather.EDIT_2, "templateLoad", library::load);
        Button delete = forSelected(list, null, Feather.TRASH_2, "templateDelete", library::delete);
        Button export = forSelected(list, null, Feather.UPLOAD, "templateExport", t -> library.exportCollection(t.collection()));
        export.setTooltip(new javafx.scene.control.Tooltip(texts.text("publish.side.export")));
        Button importFile = new Button(null, new FontIcon(Feather.DOWNLOAD));
        importFile.setId("templateImport");
        importFile.setTooltip(new javafx.scene.control.Tooltip(texts.text("publish.side.import")));
        importFile.setOnAction(e -> library.importFile());
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, list, buttons(save, load, delete, export, importFile));
    }

    /** A button that acts on the list's selected item and is disabled while nothing is selected. */
    private static <T> Button forSelected(ListView<T> list, String text, Feather icon, String id, java.util.function.Consumer<T> action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(e -> action.accept(list.getSelectionModel().getSelectedItem()));
        return button;
    }

    private static <T> void onDoubleClick(ListView<T> list, java.util.function.Consumer<T> action) {
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                action.accept(list.getSelectionModel().getSelectedItem());
            }
        });
    }

    private static Node buttons(Button... buttons) {
        for (Button b : buttons) {
            b.getStyleClass().add(Styles.SMALL);
        }
        HBox row = new HBox(6, buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
