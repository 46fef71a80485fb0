package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.TlsSettings;

/**
 * Where the profiles' passwords and private-key passwords are kept: in the operating system's keyring,
 * or, where none answers (a headless machine, a desktop without a keyring service), in profiles.json as
 * before, readable by its owner only, with a note that says so.
 */
public sealed interface SecretStore permits SecretStore.Keyring, SecretStore.ProfilesFile {

    /** The service the application's keyring entries are filed under; the account is {@code <profile id>/<field>}. */
    String SERVICE = "MQTT Workbench";

    /** What the user should know about where passwords go, for the profile editor. */
    FieldCheck note();

    /** The keyring behind {@code access} holds the secrets; profiles.json only says that it does. */
    record Keyring(KeyringAccess access) implements SecretStore {
        @Override
        public FieldCheck note() {
            return FieldCheck.info("Passwords are kept in " + access.name() + ", not in profiles.json.");
        }
    }

    /** No keyring: the secrets stay in profiles.json. {@code reason} says why, in words. */
    record ProfilesFile(String reason) implements SecretStore {
        @Override
        public FieldCheck note() {
            return FieldCheck.warning("No keyring answered (" + reason + "): passwords are kept in profiles.json, readable only by you.");
        }
    }

    /** The secrets a profile may keep. */
    enum Field {
        PASSWORD("password"),
        KEY_PASSWORD("key-password");

        private final String id;

        Field(String id) {
            this.id = id;
        }

        /** The keyring account of this secret of that profile. */
        public String account(String profileId) {
            return profileId + "/" + id;
        }

        /** The secret as the profile keeps it, or null; a password asked for on each connect is never kept. */
        String of(Profile profile) {
            ConnectionSettings s = profile.settings();
            char[] secret = switch (this) {
                case PASSWORD -> profile.askForPassword() ? null : s.password();
                case KEY_PASSWORD -> s.tls().keyPassword();
            };
            return secret == null ? null : new String(secret);
        }

        /** The profile with this secret set. */
        Profile into(Profile profile, String secret) {
            ConnectionSettings s = profile.settings();
            ConnectionSettings with = switch (this) {
                case PASSWORD -> s.toBuilder().password(secret.toCharArray()).build();
                case KEY_PASSWORD -> {
                    TlsSettings t = s.tls();
                    yield s.toBuilder().tls(new TlsSettings(t.caFile(), t.clientCertificateFile(), t.clientKeyFile(), secret.toCharArray(),
                            t.verifyHostname(), t.trustAnyCertificate())).build();
                }
            };
            return profile.toBuilder().settings(with).build();
        }
    }
}
