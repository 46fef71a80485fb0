package io.mqttworkbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's profiles in {@code profiles.json} in the configuration folder. Loading never fails the
 * application: a missing file means a first start, and an unreadable one (or one too large to be a
 * profiles file) is kept aside untouched, reported with the reason, and the backup is offered. Saving is
 * atomic and keeps the previous file as {@code profiles.json.bak}. Passwords and key passwords go to the
 * keyring where one answers, and the file only marks them as kept there; where none answers they stay in
 * the file, as they always did.
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
    private final ProfileSecrets secrets;

    /** Profiles with their secrets in the file, as where no keyring answers; the application passes its keyring. */
    public ProfileStore(Path configDir) {
        this(configDir, () -> new SecretStore.ProfilesFile("no keyring was asked"));
    }

    /** @param secrets finds where secrets go (see {@link OsKeyring#detect}); asked once, and only when secrets are read or saved */
    public ProfileStore(Path configDir, Supplier<SecretStore> secrets) {
        this(new AtomicFile(configDir.resolve(FILE_NAME)), secrets);
    }

    ProfileStore(AtomicFile file) {
        this(file, () -> new SecretStore.ProfilesFile("no keyring was asked"));
    }

    private ProfileStore(AtomicFile file, Supplier<SecretStore> secrets) {
        this.file = file;
        this.secrets = new ProfileSecrets(secrets);
    }

    public Path path() {
        return file.path();
    }

    public LoadResult load() {
        if (!file.exists()) {
            return new FirstStart(List.of(Profile.sandbox()));
        }
        try {
            return new Loaded(withSandbox(secrets.resolve(ProfileJson.readDocument(file.read()), true)));
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
        return withSandbox(secrets.resolve(ProfileJson.readDocument(AtomicFile.readText(file.backupPath(), AtomicFile.MAX_BYTES)), false));
    }

    /** Where secrets go; the first call finds out (off the JavaFX thread: it may wait for the keyring). */
    public SecretStore secrets() {
        return secrets.store();
    }

    /** Where secrets go, if that is known yet; never waits. */
    public Optional<SecretStore> secretsIfKnown() {
        return secrets.storeIfKnown();
    }

    /** Whether the loaded file holds passwords written out that the keyring, which answers, should take over at the next save. */
    public boolean secretsToMove() {
        return secrets.toMove();
    }

    /** The secrets of a profile that the file marks as in the keyring but the keyring did not give. */
    public List<SecretStore.Field> unreadableSecrets(String profileId) {
        return secrets.unresolved(profileId);
    }

    /** Lets go of the keyring. */
    public void closeSecrets() {
        secrets.close();
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
        ProfileSecrets.Placement placement = secrets.place(profiles);
        String json = ProfileJson.write(profiles, placement.inFile(), placement.marked());
        file.write(json, !backupProtected);
        if (secrets.written(placement) && !placement.inFile() && !backupProtected) {
            // the passwords just moved to the keyring; the backup, the previous file, still holds them written out
            file.write(json, true);
        }
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
