package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/** The message table with its detail and actions, on the calling thread, for TestFX tests of the log; in the log's language. */
record MessagesPaneFixture(Scene scene, MessageActions actions, MessageDetailViewModel detail) {
    /** No decoder chosen for any topic or subscription, and none kept. */
    static final DecoderChoices.Kept NO_CHOICES = new DecoderChoices.Kept() {
        @Override
        public Optional<PayloadFormat> get(String key) {
            return Optional.empty();
        }

        @Override
        public void set(String key, PayloadFormat format) {
        }
    };

    static MessagesPaneFixture of(MessageStore store, DecoderRegistry decoders, MessageLogViewModel log, SubscriptionsViewModel subscriptions,
                                  ScriptedDialogs dialogs, double width) {
        Texts texts = log.texts();
        MessageDetailViewModel detail = new MessageDetailViewModel(log, subscriptions, NO_CHOICES, decoders, Runnable::run, Runnable::run, texts);
        MessageActions actions = new MessageActions(log, detail, decoders, dialogs, () -> "test", Runnable::run, Runnable::run, texts);
        TimelineViewModel timeline = new TimelineViewModel(new StoreCounts(store, decoders), log, Runnable::run, Runnable::run, System::currentTimeMillis, texts);
        Scene scene = new Scene(new StackPane(new MessagesPane(log, timeline, actions, subscriptions, "test").build()), width, 600);
        scene.getStylesheets().add(UiStyles.stylesheet());
        return new MessagesPaneFixture(scene, actions, detail);
    }
}
