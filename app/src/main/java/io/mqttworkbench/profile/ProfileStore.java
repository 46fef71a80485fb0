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
 * application: a missing file means a first start, and an unreadable one is copied aside untouched,
 * reported with the reason, and the backup is offered. Saving is atomic and keeps the previous file as
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
    private boolean lastLoadFailed;

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
            lastLoadFailed = false;
            return new FirstStart(List.of(Profile.sandbox()));
        }
        try {
            List<Profile> profiles = withSandbox(ProfileJson.read(file.read()));
            lastLoadFailed = false;
            return new Loaded(profiles);
        } catch (NoSuchFileException e) {
            lastLoadFailed = false;
            return new FirstStart(List.of(Profile.sandbox()));
        } catch (IOException | ProfileFormatException | java.io.UncheckedIOException e) {
            lastLoadFailed = true;
            String reason = file.path() + " cannot be read: " + (e instanceof ProfileFormatException ? e.getMessage() : e.toString());
            LOG.warn("{}", reason);
            Path aside = null;
            try {
                aside = file.keepAside("unreadable");
            } catch (IOException copyFailed) {
                LOG.warn("could not keep the unreadable profiles file aside: {}", copyFailed.toString());
            }
            return new Unreadable(List.of(Profile.sandbox()), reason, aside, Files.exists(file.backupPath()));
        }
    }

    /** The profiles of the last good version, kept when the file was last replaced. */
    public List<Profile> loadBackup() throws IOException {
        return withSandbox(ProfileJson.read(Files.readString(file.backupPath())));
    }

    /** Replaces the file atomically; the previous version becomes the backup, unless it was unreadable. */
    public void save(List<Profile> profiles) throws IOException {
        file.write(ProfileJson.write(profiles, true), !lastLoadFailed);
        lastLoadFailed = false;
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
