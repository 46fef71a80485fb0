package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageExport;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.replay.RecordingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import io.mqttworkbench.ui.common.Texts;

/** What an export of the message log writes, and the writing (blocking: call it off the JavaFX thread). */
public enum ExportFormat {
    JSON_LINES("log.format.jsonl", "jsonl"), CSV("log.format.csv", "csv"), RAW_FILES("log.format.raw", ""), RECORDING("log.format.recording", "jsonl");

    private final String labelKey;
    private final String extension;

    ExportFormat(String labelKey, String extension) {
        this.labelKey = labelKey;
        this.extension = extension;
    }

    /** "JSON Lines", "a recording": what the menu and the save dialog call it. */
    public String label(Texts texts) {
        return texts.text(labelKey);
    }

    public String extension() {
        return extension;
    }

    /**
     * Writes {@code messages} (rows the log's window no longer holds are skipped) to {@code target}, a file or,
     * for raw payloads, a folder; a file appears whole or not at all. Returns how many were written.
     */
    int write(List<ReceivedMessage> messages, Path target) {
        // walked, not copied: rows read from the disk as the export goes need not all be in memory at once
        Iterable<ReceivedMessage> kept = () -> messages.stream().filter(m -> !RowWindow.isPlaceholder(m)).iterator();
        try {
            return switch (this) {
                case RAW_FILES -> MessageExport.rawFiles(kept, target);
                case RECORDING -> {
                    Files.deleteIfExists(target); // the save dialog asked before replacing it
                    yield RecordingSession.save(kept, target, "the message log"); // untranslated: written into the recording file, not shown
                }
                case JSON_LINES, CSV -> {
                    Path temporary = target.resolveSibling(target.getFileName() + ".part");
                    int count;
                    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                        count = this == CSV ? MessageExport.csv(kept, out) : MessageExport.jsonLines(kept, out);
                    }
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                    yield count;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why an export failed, in words: a file error's message is often the bare path. */
    static String failure(Throwable error, Texts texts) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String file = fs.getFile().endsWith(".part") ? fs.getFile().substring(0, fs.getFile().length() - ".part".length()) : fs.getFile();
            String why = fs.getReason() != null ? fs.getReason()
                    : texts.text(fs instanceof java.nio.file.AccessDeniedException ? "log.export.denied"
                    : fs instanceof java.nio.file.NoSuchFileException ? "log.export.missing" : "log.export.refused");
            return texts.format("log.export.failed.write", file, why);
        }
        return texts.format("log.export.failed", cause.getMessage());
    }
}
