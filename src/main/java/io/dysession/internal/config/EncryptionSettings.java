package io.dysession.internal.config;

import java.util.Optional;

import io.dysession.internal.crypto.KeyRing;

/**
 * Client-side encryption of bean values and logins.
 *
 * @param keys      the keys, the active one sealing new values; empty when encryption is off
 * @param required  {@code dysession.encryption.required}: a value that is not sealed counts as undecryptable
 */
public record EncryptionSettings(Optional<KeyRing> keys, boolean required) {

    /** Encryption off: values are stored and read as plain JSON. */
    public static final EncryptionSettings OFF = new EncryptionSettings(Optional.empty(), false);

    public boolean enabled() {
        return keys.isPresent();
    }
}
