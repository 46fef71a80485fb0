package io.mqttworkbench.ui;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The message log's actions that ask the user first: where to export, which Protobuf schema to load. */
public final class MessageActions {
    private final MessageLogViewModel log;
    private final MessageDetailViewModel messageDetail;
    private final DecoderRegistry decoders;
    private final DialogService dialogs;
    private final Supplier<String> name;

    MessageActions(MessageLogViewModel log, MessageDetailViewModel messageDetail, DecoderRegistry decoders, DialogService dialogs,
                   Supplier<String> connectionName) {
        this.log = log;
        this.messageDetail = messageDetail;
        this.decoders = decoders;
        this.dialogs = dialogs;
        this.name = connectionName;
    }

    /**
     * Asks where to and exports: the given messages (a selection, or everything the log shows) as JSON
     * Lines, CSV, or one raw file per payload in a folder.
     */
    public void exportMessages(List<ReceivedMessage> messages, MessageLogViewModel.ExportFormat format) {
        if (messages.isEmpty()) {
            dialogs.showInfo("Nothing to export", "Select messages in the log, or export everything it shows.");
            return;
        }
        String base = name.get().replaceAll("[^A-Za-z0-9._-]+", "-") + "-messages";
        Optional<Path> target = format == MessageLogViewModel.ExportFormat.RAW_FILES
                ? dialogs.chooseFolder("Export " + messages.size() + " payloads into a folder")
                : dialogs.chooseFileToSave("Export " + messages.size() + " messages as " + format.label(), base + "." + format.extension(),
                        format.label(), "*." + format.extension());
        target.ifPresent(path -> log.export(List.copyOf(messages), format, path));
    }

    /**
     * Loads a Protobuf descriptor set and maps one of its messages to a topic filter (offered: the
     * selected message's topic one level up, with #), so those payloads show with field names.
     */
    public void loadProtobufSchema() {
        Optional<Path> file = dialogs.chooseFileToOpen("Protobuf schema: a descriptor set made with "
                + "protoc --descriptor_set_out=FILE --include_imports", "Descriptor sets", "*.desc", "*.pb", "*.protoset", "*.bin");
        if (file.isEmpty()) {
            return;
        }
        Optional<String> message = dialogs.askText("Protobuf schema", "Message type (for example acme.Order)", "");
        if (message.isEmpty() || message.get().isBlank()) {
            return;
        }
        ReceivedMessage selected = log.selectedProperty().get();
        String suggested = selected == null || selected == StoreBackedList.EVICTED ? "#"
                : selected.topic().contains("/") ? selected.topic().substring(0, selected.topic().lastIndexOf('/')) + "/#" : selected.topic();
        Optional<String> filter = dialogs.askText("Protobuf schema", "For the topics matching", suggested);
        if (filter.isEmpty() || filter.get().isBlank()) {
            return;
        }
        try {
            var mapping = decoders.schemas().add(filter.get().strip(), file.get(), message.get().strip());
            messageDetail.redecode("Payloads on " + mapping.filter() + " now read as " + mapping.messageName() + " from "
                    + mapping.file().getFileName());
        } catch (IllegalArgumentException e) {
            dialogs.showError("Could not use that schema", e.getMessage());
        }
    }
}
