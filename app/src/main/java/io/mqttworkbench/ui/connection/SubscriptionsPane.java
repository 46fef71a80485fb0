package io.mqttworkbench.ui.connection;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.topic.SubscriptionKind;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.QosChoice;
import io.mqttworkbench.ui.common.SubscriptionColors;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Subscribe with a filter, QoS, colour and (folded away until asked for) the kind and MQTT 5 options;
 * below, each subscription with the broker's answer and its pause, edit and unsubscribe buttons.
 */
public final class SubscriptionsPane {
    private final ConnectionViewModel connection;
    private final SubscriptionsViewModel viewModel;
    private final SubscriptionForm form;
    private final Texts texts;

    SubscriptionsPane(ConnectionViewModel connection) {
        this.connection = connection;
        this.viewModel = connection.subscriptions();
        this.form = viewModel.form();
        this.texts = connection.texts();
    }

    Node build() {
        Label title = Forms.sectionTitle(texts.text("connection.subscriptions.title"));
        Label editingTitle = new Label();
        editingTitle.getStyleClass().add(UiStyles.SECONDARY);
        editingTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() == null ? ""
                : texts.format("connection.subscriptions.editing", viewModel.editingProperty().get().filter()), viewModel.editingProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(8, title, spacer, editingTitle);
        heading.setAlignment(Pos.BASELINE_LEFT);

        TextField filter = Forms.validatedField("subscribeFilter", texts.text("connection.subscriptions.filter.prompt"),
                form.filterProperty(), form.problemProperty());
        filter.setOnAction(e -> viewModel.submit());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMinWidth(80);

        Button subscribe = new Button();
        subscribe.setId("subscribeButton");
        subscribe.getStyleClass().add(Styles.ACCENT);
        subscribe.textProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() != null ? texts.text("connection.subscriptions.resubscribe")
                : texts.text(connection.stateProperty().get() == ConnectionState.CONNECTED ? "connection.subscriptions.subscribe" : "connection.subscriptions.add"), viewModel.editingProperty(),
                connection.stateProperty()));
        subscribe.setOnAction(e -> viewModel.submit());
        subscribe.setMinWidth(Region.USE_PREF_SIZE);

        Button cancel = new Button(texts.text("common.cancel"));
        cancel.setId("cancelEditButton");
        cancel.setOnAction(e -> viewModel.cancelEdit());
        cancel.visibleProperty().bind(viewModel.editingProperty().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setMinWidth(Region.USE_PREF_SIZE);

        ToggleButton showOptions = new ToggleButton(null, new FontIcon(Feather.SLIDERS));
        showOptions.setId("subscriptionOptionsToggle");
        showOptions.getStyleClass().add(Styles.BUTTON_ICON);
        showOptions.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.subscriptions.options.tooltip")));
        viewModel.editingProperty().addListener((obs, old, row) -> {
            if (row != null && (row.request().noLocal() || row.request().retainAsPublished() || row.request().retainHandling() != 0
                    || row.request().subscriptionIdentifier() != null || SubscriptionKind.parse(row.filter()).kind() != SubscriptionKind.NORMAL)) {
                showOptions.setSelected(true);
            }
        });

        HBox line = new HBox(6, colorButton(form.colorProperty().get(), form.colorProperty()::set, form.colorProperty(), texts), filter);
        line.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(6, QosChoice.boundTo(form.qosProperty()), showOptions, gap, cancel, subscribe);
        actions.setAlignment(Pos.CENTER_LEFT);

        Node options = options();
        options.visibleProperty().bind(showOptions.selectedProperty());
        options.managedProperty().bind(options.visibleProperty());

        Label problem = Forms.problemLabel("subscribeProblem", form.problemProperty());

        VBox pane = new VBox(8, heading, line, problem, actions, options, new SubscriptionList(viewModel).build());
        pane.getStyleClass().add(UiStyles.FORM_PANE);
        return pane;
    }

    private Node options() {
        ToggleGroup kinds = new ToggleGroup();
        HBox kindButtons = new HBox();
        kindButtons.getStyleClass().add("segmented");
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            ToggleButton button = new ToggleButton(kindText(kind, ""));
            button.setId("kind" + kind.label());
            button.setToggleGroup(kinds);
            button.setUserData(kind);
            button.setSelected(form.kindProperty().get() == kind);
            button.getStyleClass().add(kind.ordinal() == 0 ? Styles.LEFT_PILL
                    : kind.ordinal() == SubscriptionKind.values().length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            kindButtons.getChildren().add(button);
        }
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one kind is always chosen
            } else {
                form.kindProperty().set((SubscriptionKind) now.getUserData());
            }
        });
        form.kindProperty().addListener((obs, old, kind) -> kinds.getToggles().forEach(t -> t.setSelected(t.getUserData() == kind)));

        TextField group = new TextField();
        group.setId("shareGroup");
        group.setPromptText(texts.text("connection.subscriptions.group.prompt"));
        group.textProperty().bindBidirectional(form.groupProperty());
        Label groupLabel = new Label(texts.text("connection.subscriptions.group"));
        group.visibleProperty().bind(form.kindProperty().isEqualTo(SubscriptionKind.SHARED));
        group.managedProperty().bind(group.visibleProperty());
        groupLabel.visibleProperty().bind(group.visibleProperty());
        groupLabel.managedProperty().bind(group.visibleProperty());

        Label explanation = new Label();
        explanation.setWrapText(true);
        explanation.getStyleClass().add(UiStyles.SECONDARY);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> kindText(form.kindProperty().get(), ".explanation"), form.kindProperty()));

        CheckBox noLocal = new CheckBox(texts.text("connection.subscriptions.no.local"));
        noLocal.setId("noLocal");
        noLocal.selectedProperty().bindBidirectional(form.noLocalProperty());
        noLocal.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.subscriptions.no.local.tooltip")));
        CheckBox retainAsPublished = new CheckBox(texts.text("connection.subscriptions.retain.as.published"));
        retainAsPublished.setId("retainAsPublished");
        retainAsPublished.selectedProperty().bindBidirectional(form.retainAsPublishedProperty());
        retainAsPublished.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.subscriptions.retain.as.published.tooltip")));

        ComboBox<Integer> retainHandling = new ComboBox<>();
        retainHandling.setId("retainHandling");
        retainHandling.getItems().addAll(0, 1, 2);
        retainHandling.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : switch (value) {
                    case 0 -> texts.text("connection.subscriptions.retain.handling.send");
                    case 1 -> texts.text("connection.subscriptions.retain.handling.new");
                    default -> texts.text("connection.subscriptions.retain.handling.never");
                };
            }

            @Override
            public Integer fromString(String text) {
                return 0;
            }
        });
        retainHandling.setValue(form.retainHandlingProperty().get());
        retainHandling.valueProperty().addListener((obs, old, value) -> form.retainHandlingProperty().set(value == null ? 0 : value));
        form.retainHandlingProperty().addListener((obs, old, value) -> retainHandling.setValue(value.intValue()));
        retainHandling.setMaxWidth(Double.MAX_VALUE);

        TextField identifier = new TextField();
        identifier.setId("subscriptionIdentifier");
        identifier.setPromptText(texts.text("connection.subscriptions.identifier.prompt"));
        identifier.textProperty().bindBidirectional(form.identifierProperty());

        Label preview = new Label();
        preview.getStyleClass().addAll(UiStyles.MONOSPACE, "url-preview");
        preview.textProperty().bind(Bindings.createStringBinding(() -> form.previewProperty().get().isEmpty() ? ""
                : texts.format("connection.subscriptions.sends", form.previewProperty().get()), form.previewProperty()));

        explanation.setMinHeight(Region.USE_PREF_SIZE);
        Label kindLabel = new Label(texts.text("connection.subscriptions.kind"));
        HBox kindLine = new HBox(10, kindLabel, kindButtons);
        kindLine.setAlignment(Pos.CENTER_LEFT);
        HBox groupLine = new HBox(10, groupLabel, group);
        groupLine.setAlignment(Pos.CENTER_LEFT);
        groupLine.visibleProperty().bind(group.visibleProperty());
        groupLine.managedProperty().bind(group.visibleProperty());
        HBox.setHgrow(group, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("options-grid-rows");
        Label retainLabel = new Label(texts.text("connection.subscriptions.retained"));
        Label identifierLabel = new Label(texts.text("connection.subscriptions.identifier"));
        retainLabel.setMinWidth(Region.USE_PREF_SIZE);
        identifierLabel.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(0, retainLabel, retainHandling);
        grid.addRow(1, identifierLabel, identifier);
        GridPane.setHgrow(retainHandling, Priority.ALWAYS);
        GridPane.setHgrow(identifier, Priority.ALWAYS);

        VBox box = new VBox(8, kindLine, groupLine, explanation, new HBox(16, noLocal, retainAsPublished), grid, preview);
        box.getStyleClass().add("options-grid");
        if (connection.profile().settings().version() != MqttVersion.V5) {
            Label v3 = new Label(texts.text("connection.subscriptions.v311"));
            v3.setWrapText(true);
            v3.setMinHeight(Region.USE_PREF_SIZE);
            v3.getStyleClass().add(UiStyles.SECONDARY);
            box.getChildren().add(v3);
        }
        return box;
    }

    /** The kind's name ({@code suffix} "") or its explanation (".explanation") in the interface language. */
    private String kindText(SubscriptionKind kind, String suffix) {
        return texts.text("connection.subscriptions.kind." + kind.name().toLowerCase(java.util.Locale.ROOT) + suffix);
    }

    /** A dot in the subscription's colour that opens the palette. */
    static Button colorButton(String initial, Consumer<String> choose, javafx.beans.value.ObservableValue<String> current, Texts texts) {
        Button button = new Button(null, SubscriptionColors.dot(initial));
        button.getStyleClass().addAll("color-button", Styles.FLAT, Styles.BUTTON_ICON);
        if (current != null) {
            current.addListener((obs, old, color) -> button.setGraphic(SubscriptionColors.dot(color)));
        }
        ContextMenu palette = new ContextMenu();
        for (String color : SavedSubscription.PALETTE) {
            MenuItem item = new MenuItem(null, SubscriptionColors.dot(color));
            item.setOnAction(e -> choose.accept(color));
            palette.getItems().add(item);
        }
        palette.getStyleClass().add("palette-menu");
        button.setOnAction(e -> palette.show(button, javafx.geometry.Side.BOTTOM, 0, 0));
        button.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.subscriptions.color.tooltip")));
        return button;
    }
}
