package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed export says which file and why, in words, and stays on show as a problem. */
class ExportFailureTest {
    private final MessageLogViewModel log = new MessageLogViewModel(new MessageStore(), new DecoderRegistry(), Runnable::run, Runnable::run, () -> 0,
            new ConnectionGaps(10), Texts.english());
    private final List<ReceivedMessage> one = List.of(new ReceivedMessage("plant/a", "1".getBytes(StandardCharsets.UTF_8), 0, false, false, 1, 1, null));

    @Test
    void aFolderThatRefusesFilesIsNamedWithTheReason() {
        // /proc takes no new files, even from root: the error's own message is the bare path of the temporary file
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        log.export(one, ExportFormat.JSON_LINES, Path.of("/proc/export.jsonl"));
        assertThat(log.noticeProperty().get()).startsWith("Export failed: cannot write /proc/export.jsonl (").doesNotContain(".part");
        assertThat(log.notice().problemProperty().get()).isTrue();
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        log.export(one, ExportFormat.CSV, file.resolve("m.csv"));
        assertThat(log.noticeProperty().get()).isEqualTo("Export failed: cannot write " + file.resolve("m.csv") + " (Not a directory)");
    }
}
