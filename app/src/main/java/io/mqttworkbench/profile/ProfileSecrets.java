package io.mqttworkbench.profile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profiles' secrets on their way between profiles.json and the keyring, and what is known to be where.
 * The keyring is only asked for when it is needed: a command that reads profiles without secrets in the
 * keyring never touches it. A secret the file marks as in the keyring but the keyring does not give (it
 * did not answer this time) keeps its mark, so that it is found again where the keyring answers.
 */
final class ProfileSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSecrets.class);

    /**
     * How the next write places the secrets.
     *
     * @param inFile whether passwords are written out in profiles.json
     * @param marked the accounts whose secrets the file marks as kept in the keyring
     */
    record Placement(boolean inFile, Set<String> marked) {
    }

    private final Supplier<SecretStore> detect;
    private volatile SecretStore store;
    /** The secrets the keyring holds as far as this session knows, by account: unchanged ones are not written again. */
    private final Map<String, String> inKeyring = new HashMap<>();
    /** Accounts the file marks as in the keyring whose secret the keyring did not give. */
    private final Set<String> unresolved = new LinkedHashSet<>();
    /** Whether the file on disk holds passwords written out, which a keyring should take over. */
    private boolean inFileOnDisk;

    ProfileSecrets(Supplier<SecretStore> detect) {
        this.detect = detect;
    }

    /** Where secrets go; the first call finds out, which may take the keyring's detection timeout. */
    synchronized SecretStore store() {
        if (store == null) {
            try {
                store = detect.get();
            } catch (RuntimeException e) {
                // whatever went wrong asking, the profiles must still load and save
                LOG.warn("asking for the keyring failed: {}", e.toString());
                store = new SecretStore.ProfilesFile("asking for it failed: " + e.getMessage());
            }
        }
        return store;
    }

    Optional<SecretStore> storeIfKnown() {
        return Optional.ofNullable(store);
    }

    /** The document's profiles, with the secrets the keyring holds filled in. */
    synchronized List<Profile> resolve(ProfileJson.Document document, boolean isTheFile) {
        if (isTheFile) {
            inFileOnDisk = document.secretsInFile();
        }
        if (document.inKeyring().isEmpty()) {
            return document.profiles();
        }
        KeyringAccess keyring = store() instanceof SecretStore.Keyring k ? k.access() : null;
        List<Profile> profiles = new ArrayList<>();
        for (Profile profile : document.profiles()) {
            Profile filled = profile;
            for (SecretStore.Field field : SecretStore.Field.values()) {
                String account = field.account(profile.id());
                if (document.inKeyring().contains(account)) {
                    String secret = keyring == null ? null : readQuietly(keyring, account);
                    if (secret == null) {
                        unresolved.add(account);
                    } else {
                        inKeyring.put(account, secret);
                        unresolved.remove(account);
                        filled = field.into(filled, secret);
                    }
                }
            }
            profiles.add(filled);
        }
        if (!unresolved.isEmpty()) {
            LOG.warn("{} password(s) marked as kept in the keyring could not be read from it; the marks stay", unresolved.size());
        }
        return profiles;
    }

    private static String readQuietly(KeyringAccess keyring, String account) {
        try {
            return keyring.read(account);
        } catch (IOException e) {
            LOG.warn("reading {} from the keyring: {}", account, e.getMessage());
            return null;
        }
    }

    /** Which of a profile's secrets are marked as in the keyring but could not be read from it. */
    synchronized List<SecretStore.Field> unresolved(String profileId) {
        return java.util.Arrays.stream(SecretStore.Field.values()).filter(f -> unresolved.contains(f.account(profileId))).toList();
    }

    /** Whether the file holds passwords written out that the keyring, which answers, should take over. */
    boolean toMove() {
        synchronized (this) {
            if (!inFileOnDisk) {
                return false;
            }
        }
        return store() instanceof SecretStore.Keyring;
    }

    /**
     * Puts the profiles' secrets in the keyring (those that changed) before the file is written, so the file
     * never marks a secret the keyring lacks. A keyring that refuses turns this session to secrets in the file.
     */
    synchronized Placement place(List<Profile> profiles) {
        Set<String> accounts = new HashSet<>();
        profiles.forEach(p -> java.util.Arrays.stream(SecretStore.Field.values()).forEach(f -> accounts.add(f.account(p.id()))));
        unresolved.retainAll(accounts); // a deleted profile's marks go with it
        if (store() instanceof SecretStore.Keyring keyring) {
            try {
                return new Placement(false, putAll(keyring.access(), profiles));
            } catch (IOException e) {
                LOG.warn("the keyring refused a password, so passwords are kept in profiles.json from now on: {}", e.getMessage());
                store = new SecretStore.ProfilesFile(e.getMessage());
            }
        }
        Set<String> marked = new LinkedHashSet<>();
        for (Profile profile : profiles) {
            for (SecretStore.Field field : SecretStore.Field.values()) {
                if (field.of(profile) == null && unresolved.contains(field.account(profile.id()))) {
                    marked.add(field.account(profile.id()));
                }
            }
        }
        return new Placement(true, marked);
    }

    private Set<String> putAll(KeyringAccess keyring, List<Profile> profiles) throws IOException {
        Set<String> marked = new LinkedHashSet<>();
        for (Profile profile : profiles) {
            for (SecretStore.Field field : SecretStore.Field.values()) {
                String account = field.account(profile.id());
                String secret = field.of(profile);
                if (secret != null) {
                    if (!secret.equals(inKeyring.get(account))) {
                        keyring.write(account, secret);
                        inKeyring.put(account, secret);
                    }
                    unresolved.remove(account);
                    marked.add(account);
                } else if (unresolved.contains(account)) {
                    marked.add(account);
                }
            }
        }
        return marked;
    }

    /**
     * After the file is written: secrets of deleted profiles, and passwords taken out of a profile, leave
     * the keyring. Returns whether the file on disk until now held passwords written out.
     */
    synchronized boolean written(Placement placement) {
        boolean hadSecretsInFile = inFileOnDisk;
        inFileOnDisk = placement.inFile();
        if (!placement.inFile() && store instanceof SecretStore.Keyring keyring) {
            for (String account : List.copyOf(inKeyring.keySet())) {
                if (!placement.marked().contains(account)) {
                    try {
                        keyring.access().delete(account);
                        inKeyring.remove(account);
                    } catch (IOException e) {
                        LOG.warn("could not remove {} from the keyring: {}", account, e.getMessage());
                    }
                }
            }
        }
        return hadSecretsInFile;
    }

    void close() {
        if (store instanceof SecretStore.Keyring keyring) {
            keyring.access().close();
        }
    }
}
