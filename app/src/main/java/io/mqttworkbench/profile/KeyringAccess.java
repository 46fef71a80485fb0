package io.mqttworkbench.profile;

import java.io.IOException;

/** The few things the profiles ask of a keyring: read, write and delete a secret by account. */
public interface KeyringAccess extends AutoCloseable {

    /** "the macOS Keychain", for notes. */
    String name();

    /** The secret, or null when the keyring has none for the account (or will not give it). */
    String read(String account) throws IOException;

    /** Stores or replaces the secret; throws when the keyring refuses or does not answer. */
    void write(String account, String secret) throws IOException;

    /** Removes the secret; one that is not there is no error. */
    void delete(String account) throws IOException;

    @Override
    default void close() {
    }
}
