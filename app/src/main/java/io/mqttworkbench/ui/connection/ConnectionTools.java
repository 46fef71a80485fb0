package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.publish.DraftFile;
import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.RequestReply;
import io.mqttworkbench.publish.TemplateLibrary;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.publish.ComposerDraftKeeper;
import io.mqttworkbench.ui.publish.ComposerLibraryViewModel;
import io.mqttworkbench.ui.publish.PublishStorage;
import io.mqttworkbench.ui.publish.PublishViewModel;
import io.mqttworkbench.ui.publish.RequestViewModel;
import io.mqttworkbench.ui.replay.ReplayViewModel;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.sparkplug.SparkplugViewModel;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What a connection sends and keeps: the composer with its draft, history, templates and request/reply,
 * recording and replay, and the Sparkplug view with its commands. Built together because they share the connection, the profile's storage and the
 * received traffic.
 */
public final class ConnectionTools {
    final PublishHistory history;
    final TemplateLibrary templates;
    final PublishViewModel publishing;
    final ComposerLibraryViewModel library;
    /** null without storage. */
    final ComposerDraftKeeper draft;
    final ReplayViewModel replay;
    final SparkplugViewModel sparkplug;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param connected the connection when it is up, else null
     * @param storage where history and templates are kept, or null for neither
     * @param replies decodes a request's reply as the log decodes a message
     */
    ConnectionTools(Profile profile, PublishStorage storage, ReceivedTraffic traffic, Supplier<BrokerConnection> connected,
                    SubscriptionsViewModel subscriptions, Supplier<io.mqttworkbench.history.MessageHistory> stored, DialogService dialogs, RequestViewModel.ReplyDecoder replies, Executor background,
                    Executor ui, Texts texts) {
        this.texts = texts;
        this.history = storage == null ? null : storage.historyOf(profile);
        this.templates = storage == null ? null : storage.templates();
        if (history != null) {
            background.execute(history::load); // disk: not on the JavaFX thread
        }
        Supplier<BrokerConnection> required = () -> {
            BrokerConnection current = connected.get();
            if (current == null) {
                throw new IllegalStateException(texts.text("connection.status.not.connected"));
            }
            return current;
        };
        RequestReply requests = new RequestReply(request -> required.get().subscribeTemporarily(request),
                filter -> required.get().releaseTemporary(filter), request -> required.get().publish(request));
        traffic.observe(requests::offer);
        this.publishing = new PublishViewModel(connected, ui, background, history, requests, replies, texts);
        publishing.capabilitiesChanged(java.util.Optional.empty(), profile.settings().engine()); // until the broker answers
        DraftFile draftFile = storage == null ? null : storage.draftOf(profile); // none for a quick connection
        this.draft = draftFile == null ? null : new ComposerDraftKeeper(publishing, draftFile, background, ui);
        this.library = new ComposerLibraryViewModel(publishing, history, templates, dialogs, background, ui, texts);
        this.replay = new ReplayViewModel(traffic, connected, () -> profile.settings().url().toString(), dialogs, background, ui, texts);
        this.sparkplug = new SparkplugViewModel(subscriptions, request -> required.get().publish(request), topic -> {
            io.mqttworkbench.topic.TopicNode node = traffic.tree().find(topic);
            return node == null ? java.util.List.of() : traffic.tree().history(node);
        }, stored, background, ui, texts);
        traffic.observeBatches(sparkplug::accept);
        traffic.observeRestored(sparkplug::restore);
    }

    /** Once per frame. */
    void onFrame() {
        publishing.repeat().onFrame();
        replay.onFrame();
        sparkplug.onFrame(System.nanoTime());
        if (draft != null) {
            draft.onFrame(System.nanoTime());
        }
    }

    /** Writes what is not written yet (the composer's last edit). Blocks on the disk: not on the JavaFX thread. */
    void close() {
        if (draft != null) {
            draft.close();
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
