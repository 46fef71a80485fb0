package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's use of what the window saved: profiles, and the files they live in. No broker is reached. */
class SavedSettingsCliTest {

    @Test
    void aProfilesFileOfGigabytesIsAUsageErrorWithTheReasonNotAnOutOfMemoryError(@TempDir Path config) throws Exception {
        Path file = config.resolve("profiles.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }
        Cli.Run run = Cli.run("pub", "--config-dir", config.toString(), "--profile", "Anything", "-t", "a", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).hasLineCount(1).contains("cannot be read").contains("3.0 GB, more than the 64.0 MB");
    }
}
