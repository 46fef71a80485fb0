package io.mqttworkbench.profile;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the profiles in the background after every change, so no edit waits for the disk (or the
 * keyring). Changes that come faster than the disk coalesce into one write of the latest list; a failed
 * write is reported, and the next change tries again. A keyring that refuses a password is reported too:
 * the passwords are then kept in the file.
 */
public final class ProfileLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileLibrary.class);

    private final ProfileStore store;
    private final Consumer<String> saveFailed;
    private final AtomicReference<List<Profile>> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "profile-store");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param saveFailed told, on the writer thread, why a save failed, or that the passwords went to the file (in words)
     */
    public ProfileLibrary(ProfileStore store, Consumer<String> saveFailed) {
        this.store = store;
        this.saveFailed = saveFailed;
    }

    public ProfileStore store() {
        return store;
    }

    /** Saves this list soon; a later call before the write replaces it. */
    public void saveLater(List<Profile> profiles) {
        if (pending.getAndSet(List.copyOf(profiles)) == null) {
            writer.execute(this::writePending);
        }
    }

    private void writePending() {
        List<Profile> latest = pending.getAndSet(null);
        if (latest == null) {
            return;
        }
        try {
            boolean keyringBefore = store.secretsIfKnown().orElse(null) instanceof SecretStore.Keyring;
            store.save(latest);
            if (keyringBefore && store.secrets() instanceof SecretStore.ProfilesFile inFile) {
                saveFailed.accept(inFile.note().message());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("saving profiles to {} failed: {}", store.path(), e.toString());
            saveFailed.accept("Could not save the profiles to " + store.path() + ": " + e.getMessage());
        }
    }

    /** Writes what is pending and stops the writer; waits a few seconds at most. Closing again does nothing. */
    @Override
    public synchronized void close() {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(this::writePending);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("profiles still being written after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.closeSecrets();
    }
}
