package io.mqttworkbench.profile;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keyring through java-keyring: the macOS Keychain, the Windows Credential Manager,
 * or the Secret Service (GNOME Keyring, KWallet) over D-Bus. Every call runs on one daemon thread of its own
 * and is given up after a while: a D-Bus without a keyring service, or a keyring waiting on an unlock
 * prompt, must not hang the start of the window or of a command.
 */
public final class OsKeyring implements KeyringAccess {

    /** How long the start waits to learn whether a keyring answers. */
    public static final Duration DETECT_TIMEOUT = Duration.ofSeconds(3);
    /** Later calls may wait for the user to unlock the keyring. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OsKeyring.class);

    private final ExecutorService thread;
    private final Keyring keyring;
    private final String name;

    private OsKeyring(ExecutorService thread, Keyring keyring) {
        this.thread = thread;
        this.keyring = keyring;
        this.name = switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
            case GNOME_KEYRING -> "the Secret Service keyring";
            case KWALLET -> "KWallet";
        };
    }

    /**
     * The keyring if one answers a read within {@code timeout}, else secrets in profiles.json with the reason.
     * Call it off the JavaFX thread: it may take the whole timeout.
     */
    public static SecretStore detect(Duration timeout) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keyring");
            t.setDaemon(true);
            return t;
        });
        Future<OsKeyring> probe = thread.submit(() -> {
            Keyring keyring = Keyring.create();
            try {
                keyring.getPassword(SecretStore.SERVICE, "probe");
            } catch (PasswordAccessException absent) {
                // an answer all the same: the keyring is there and has no such entry
            }
            return new OsKeyring(thread, keyring);
        });
        try {
            OsKeyring found = probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("passwords are kept in {}", found.name);
            return new SecretStore.Keyring(found);
        } catch (TimeoutException e) {
            probe.cancel(true);
            thread.shutdownNow();
            return fallback("the keyring did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            thread.shutdownNow();
            return fallback(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
            return fallback("interrupted while asking the keyring");
        }
    }

    private static SecretStore fallback(String reason) {
        LOG.info("no keyring ({}): passwords are kept in profiles.json", reason);
        return new SecretStore.ProfilesFile(reason);
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof com.github.javakeyring.BackendNotSupportedException) {
            return "none was found" + (message == null || message.startsWith("No available keyring") ? "" : ": " + message);
        }
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String read(String account) throws IOException {
        return call("read", () -> {
            try {
                return keyring.getPassword(SecretStore.SERVICE, account);
            } catch (PasswordAccessException absent) {
                return null; // not there, or refused (a dismissed unlock prompt): either way there is nothing to use
            }
        });
    }

    @Override
    public void write(String account, String secret) throws IOException {
        call("write", () -> {
            keyring.setPassword(SecretStore.SERVICE, account, secret);
            return null;
        });
    }

    @Override
    public void delete(String account) throws IOException {
        call("delete", () -> {
            try {
                keyring.deletePassword(SecretStore.SERVICE, account);
            } catch (PasswordAccessException absent) {
                // already gone
            }
            return null;
        });
    }

    private <T> T call(String what, Callable<T> action) throws IOException {
        Future<T> result;
        try {
            result = thread.submit(action);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IOException(name + " is closed");
        }
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new IOException(name + " did not answer a " + what + " within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(name + " refused a " + what + ": " + reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name);
        }
    }

    @Override
    public void close() {
        thread.execute(() -> {
            try {
                keyring.close();
            } catch (Exception e) {
                LOG.debug("closing the keyring: {}", e.toString());
            }
        });
        thread.shutdown();
    }
}
