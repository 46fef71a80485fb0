package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The log's query form: topic filter and text (or regular expression) on one line, QoS, retain and a
 * user property on a second that opens on demand. Enter searches; the result stays live.
 */
public final class MessageFilterBar {
    private final MessageLogViewModel log;
    private final Texts texts;

    MessageFilterBar(MessageLogViewModel log, Texts texts) {
        this.log = log;
        this.texts = texts;
    }

    Node build() {
        TextField filter = Forms.boundField("logTopicFilter", texts.text("log.filter.topic.prompt"), log.topicFilterProperty());
        TextField text = Forms.boundField("logSearchText", texts.text("log.filter.text.prompt"), log.searchTextProperty());
        ToggleButton regex = new ToggleButton(".*"); // untranslated: the regular expression sign
        regex.setId("logRegex");
        regex.setTooltip(new Tooltip(texts.text("log.filter.regex.tooltip")));
        regex.selectedProperty().bindBidirectional(log.regexProperty());
        ToggleButton more = new ToggleButton(null, new FontIcon(Feather.SLIDERS));
        more.setId("logMoreCriteria");
        more.setTooltip(new Tooltip(texts.text("log.filter.more.tooltip")));
        Button search = new Button(texts.text("log.filter.search"), new FontIcon(Feather.SEARCH));
        search.setId("logSearch");
        search.setDefaultButton(false);
        search.setOnAction(e -> log.applyQuery());
        search.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the fields give way, not its label
        filter.setMinWidth(90);
        text.setMinWidth(90);
        Button reset = new Button(null, new FontIcon(Feather.X));
        reset.setId("logClearSearch");
        reset.setTooltip(new Tooltip(texts.text("log.filter.reset.tooltip")));
        reset.getStyleClass().add(Styles.BUTTON_ICON);
        reset.setOnAction(e -> {
            log.topicFilterProperty().set("");
            log.searchTextProperty().set("");
            log.qosProperty().set(null);
            log.retainedProperty().set(null);
            log.userPropertyProperty().set("");
            log.fromProperty().set("");
            log.toProperty().set("");
            log.clearQuery();
        });
        reset.disableProperty().bind(log.filteredProperty().not().and(log.queryProblemProperty().isEmpty()));
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.ALWAYS);
        ToggleButton collapse = new ToggleButton(null, new FontIcon(Feather.LAYERS));
        collapse.setId("logCollapseDuplicates");
        collapse.setTooltip(new Tooltip(texts.text("log.filter.collapse.tooltip")));
        collapse.selectedProperty().bindBidirectional(log.collapse().onProperty());
        HBox first = new HBox(6, filter, text, regex, more, collapse, search, reset);
        first.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Integer> qos = new ComboBox<>();
        qos.setId("logQos");
        qos.getItems().addAll(null, 0, 1, 2);
        qos.setConverter(Forms.converter(texts.text("log.filter.qos.any"), v -> texts.format("log.filter.qos", v)));
        qos.valueProperty().bindBidirectional(log.qosProperty());
        ComboBox<Boolean> retained = new ComboBox<>();
        retained.setId("logRetained");
        retained.getItems().addAll(null, true, false);
        retained.setConverter(Forms.converter(texts.text("log.filter.retained.any"),
                v -> texts.text(v ? "log.filter.retained.only" : "log.filter.retained.not")));
        retained.valueProperty().bindBidirectional(log.retainedProperty());
        TextField property = Forms.boundField("logUserProperty", texts.text("log.filter.property.prompt"), log.userPropertyProperty());
        HBox.setHgrow(property, Priority.ALWAYS);
        TextField from = Forms.boundField("logFrom", texts.text("log.filter.from.prompt"), log.fromProperty());
        TextField to = Forms.boundField("logTo", texts.text("log.filter.to.prompt"), log.toProperty());
        from.setPrefColumnCount(8);
        to.setPrefColumnCount(8);
        from.setTooltip(new Tooltip(texts.text("log.filter.time.tooltip")));
        to.setTooltip(from.getTooltip());
        javafx.scene.layout.FlowPane second = new javafx.scene.layout.FlowPane(6, 6, qos, retained, from, to, property);
        second.setAlignment(Pos.CENTER_LEFT);
        second.managedProperty().bind(more.selectedProperty());
        second.visibleProperty().bind(more.selectedProperty());

        Label summary = new Label();
        summary.setId("logQuerySummary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> !log.queryProblemProperty().get().isEmpty()
                ? log.queryProblemProperty().get() : log.searchingProperty().get() ? "" : log.querySummaryProperty().get(),
                log.queryProblemProperty(), log.searchingProperty(), log.querySummaryProperty()));
        summary.getStyleClass().add(UiStyles.SECONDARY);
        LazyContent.follow(log.queryProblemProperty(), problem -> summary.pseudoClassStateChanged(UiStyles.ERROR, !problem.isEmpty()));
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        summary.visibleProperty().bind(summary.managedProperty());
        for (TextField field : new TextField[] {filter, text, property, from, to}) {
            field.setOnAction(e -> log.applyQuery());
        }
        VBox bar = new VBox(6, first, second, summary, progress());
        bar.getStyleClass().add("log-filter-bar");
        return bar;
    }

    /** While a search runs: how far it is, and a way to stop it that keeps what it found. */
    private Node progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("logSearchProgress");
        bar.progressProperty().bind(log.searchProgressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = new Label();
        text.setId("logSearchProgressText");
        text.getStyleClass().add(UiStyles.SECONDARY);
        text.textProperty().bind(Bindings.createStringBinding(() -> log.searchProgressTextProperty().get().isEmpty() ? texts.text("log.filter.searching")
                : log.searchProgressTextProperty().get(), log.searchProgressTextProperty()));
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the bar gives way, not the figures
        bar.setPrefWidth(160);
        bar.setMinWidth(40);
        Button stop = new Button(texts.text("log.filter.stop"), new FontIcon(Feather.SQUARE));
        stop.setId("logStopSearch");
        stop.getStyleClass().addAll(Styles.SMALL);
        stop.setTooltip(new Tooltip(texts.text("log.filter.stop.tooltip")));
        stop.setOnAction(e -> log.cancelSearch());
        stop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox line = new HBox(8, text, bar, stop);
        line.setAlignment(Pos.CENTER_LEFT);
        line.managedProperty().bind(log.searchingProperty());
        line.visibleProperty().bind(log.searchingProperty());
        return line;
    }
}
