package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real keyring's detection on machines without one: CI and headless servers have no D-Bus session, or
 * one where nothing answers. Detection must fall back to the file quickly there, saying why, and never hang.
 */
class OsKeyringTest {

    private static boolean headlessLinux() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && System.getProperty("DBUS_SESSION_BUS_ADDRESS") == null;
    }

    @Test
    void withoutADBusSessionTheFileIsUsedAtOnceAndTheEditorSaysSo() {
        assumeTrue(headlessLinux(), "needs a Linux without a D-Bus session (CI, a server)");
        long start = System.nanoTime();
        SecretStore found = OsKeyring.detect(OsKeyring.DETECT_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(found).isInstanceOf(SecretStore.ProfilesFile.class);
        assertThat(took).isLessThan(OsKeyring.DETECT_TIMEOUT.plusSeconds(1));
        assertThat(found.note().severity()).isEqualTo(FieldCheck.Severity.WARNING);
        assertThat(found.note().message()).startsWith("No keyring answered (").endsWith("): passwords are kept in profiles.json, readable only by you.");
    }

    @Test
    void aDBusThatNeverAnswersIsGivenUpAfterTheTimeout(@TempDir Path dir) throws IOException {
        assumeTrue(headlessLinux(), "needs a Linux without a D-Bus session of its own");
        Path socket = dir.resolve("bus");
        List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never a word back
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            System.setProperty("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);
            long start = System.nanoTime();
            SecretStore found = OsKeyring.detect(Duration.ofSeconds(1));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(found).isEqualTo(new SecretStore.ProfilesFile("the keyring did not answer within 1 s"));
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
            for (SocketChannel channel : accepted) {
                channel.close(); // lets the abandoned detection thread end
            }
        }
    }
}
