package io.dysession.internal.crypto;

import javax.crypto.SecretKey;

/**
 * One 256-bit AES key and the id stored with every value sealed under it. Never printed: its
 * {@code toString} shows the id only.
 *
 * @param id   1 to 16 characters from A-Z, a-z, 0-9, '_' and '-'
 * @param key  the AES key
 */
public record DataKey(String id, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
