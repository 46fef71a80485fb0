package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProtoSchemasViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The message log's actions that ask the user first: where to export, which Protobuf schemas to use. */
public final class MessageActions {
    private final MessageLogViewModel log;
    private final MessageDetailViewModel messageDetail;
    private final DecoderRegistry decoders;
    private final DialogService dialogs;
    private final Supplier<String> name;
    private final Executor background;
    private final Executor ui;

    /** The window's words, in the interface language. */
    private final Texts texts;

    public MessageActions(MessageLogViewModel log, MessageDetailViewModel messageDetail, DecoderRegistry decoders, DialogService dialogs,
                   Supplier<String> connectionName, Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        this.log = log;
        this.messageDetail = messageDetail;
        this.decoders = decoders;
        this.dialogs = dialogs;
        this.name = connectionName;
        this.background = background;
        this.ui = ui;
    }

    /**
     * Asks where to and exports: the given messages (a selection, or everything the log shows) as JSON
     * Lines, CSV, or one raw file per payload in a folder.
     */
    public void exportMessages(List<ReceivedMessage> messages, ExportFormat format) {
        if (messages.isEmpty()) {
            dialogs.showInfo(texts.text("log.export.nothing.title"), texts.text("log.export.nothing"));
            return;
        }
        String base = name.get().replaceAll("[^A-Za-z0-9._-]+", "-") + "-messages";
        Optional<Path> target = format == ExportFormat.RAW_FILES
                ? dialogs.chooseFolder(texts.format("log.export.folder", messages.size()))
                : dialogs.chooseFileToSave(texts.format("log.export.file", messages.size(), format.label(texts)), base + "." + format.extension(),
                        format.label(texts), "*." + format.extension());
        target.ifPresent(path -> log.export(List.copyOf(messages), format, path));
    }

    /**
     * Opens the Protobuf schemas dialog, offering for a new schema the selected message's topic one
     * level up, with #; what is added or removed there re-decodes the shown payload.
     */
    public void manageProtobufSchemas() {
        ReceivedMessage selected = log.selectedProperty().get();
        String suggested = selected == null || RowWindow.isPlaceholder(selected) ? "#"
                : selected.topic().contains("/") ? selected.topic().substring(0, selected.topic().lastIndexOf('/')) + "/#" : selected.topic();
        dialogs.showProtobufSchemas(new ProtoSchemasViewModel(decoders.schemas(), dialogs, background, ui, suggested, messageDetail::redecode, texts));
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
