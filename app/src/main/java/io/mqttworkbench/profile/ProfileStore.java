package io.mqttworkbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's profiles in {@code profiles.json} in the configuration folder. Loading never fails the
 * application: a missing file means a first start, and an unreadable one (or one too large to be a
 * profiles file) is kept aside untouched, reported with the reason, and the backup is offered. Saving is atomic and keeps the previous file as
 * {@code profiles.json.bak}.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "profiles.json";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);

    /** What a load found. */
    public sealed interface LoadResult permits Loaded, FirstStart, Unreadable {
        /** The profiles to start with (for an unreadable file: the defaults, until the user picks the backup). */
        List<Profile> profiles();
    }

    public record Loaded(List<Profile> profiles) implements LoadResult {
    }

    public record FirstStart(List<Profile> profiles) implements LoadResult {
    }

    /**
     * @param reason what is wrong with the file, in words
     * @param keptAside where the unreadable file was copied, untouched (null if even that failed)
     * @param backupAvailable whether {@link #loadBackup()} has something to offer
     */
    public record Unreadable(List<Profile> profiles, String reason, Path keptAside, boolean backupAvailable) implements LoadResult {
    }

    private final AtomicFile file;
    /**
     * Set once a load found the file unreadable, and kept for the whole session: the backup is then the
     * last good version the user may still want, so no save of this session may replace it.
     */
    private boolean backupProtected;
    /** True while an unreadable file has not been copied aside yet; saving must not overwrite it. */
    private boolean brokenFileNotKept;

    public ProfileStore(Path configDir) {
        this(new AtomicFile(configDir.resolve(FILE_NAME)));
    }

    ProfileStore(AtomicFile file) {
        this.file = file;
    }

    public Path path() {
        return file.path();
    }

    public LoadResult load() {
        if (!file.exists()) {
            return new FirstStart(List.of(Profile.sandbox()));
        }
        try {
            return new Loaded(withSandbox(ProfileJson.read(file.read())));
        } catch (NoSuchFileException e) {
            return new FirstStart(List.of(Profile.sandbox()));
        } catch (IOException | RuntimeException e) {
            backupProtected = true;
            String reason = e instanceof FileTooLargeException ? e.getMessage()
                    : file.path() + " cannot be read: " + (e instanceof ProfileFormatException ? e.getMessage() : e.toString());
            LOG.warn("{}", reason);
            Path aside = keepBrokenFileAside();
            boolean backupAvailable = Files.exists(file.backupPath());
            if (backupAvailable) {
                try {
                    LOG.info("backup copied to {}", file.keepBackupAside("at-failure"));
                } catch (IOException copyFailed) {
                    LOG.warn("could not copy the profiles backup aside: {}", copyFailed.toString());
                }
            }
            return new Unreadable(List.of(Profile.sandbox()), reason, aside, backupAvailable);
        }
    }

    private Path keepBrokenFileAside() {
        try {
            Path aside = file.keepAside("unreadable");
            brokenFileNotKept = false;
            return aside;
        } catch (IOException copyFailed) {
            brokenFileNotKept = true;
            LOG.warn("could not keep the unreadable profiles file aside: {}", copyFailed.toString());
            return null;
        }
    }

    /** The profiles of the last good version, kept when the file was last replaced. */
    public List<Profile> loadBackup() throws IOException {
        return withSandbox(ProfileJson.read(AtomicFile.readText(file.backupPath(), AtomicFile.MAX_BYTES)));
    }

    /**
     * Replaces the file atomically; the previous version becomes the backup, unless this session started
     * from an unreadable file. Refuses to overwrite an unreadable file that could not be copied aside.
     */
    public void save(List<Profile> profiles) throws IOException {
        if (brokenFileNotKept && file.exists() && keepBrokenFileAside() == null) {
            throw new IOException("not saved: " + file.path() + " could not be read at start and cannot be copied aside, "
                    + "so saving would destroy it. Move it away or fix its permissions, then save again.");
        }
        file.write(ProfileJson.write(profiles, true), !backupProtected);
    }

    /** The built-in sandbox profile is always there, first, even in a file that lost it. */
    private static List<Profile> withSandbox(List<Profile> profiles) {
        if (profiles.stream().anyMatch(Profile::isSandbox)) {
            return profiles;
        }
        List<Profile> all = new ArrayList<>();
        all.add(Profile.sandbox());
        all.addAll(profiles);
        return all;
    }
}
