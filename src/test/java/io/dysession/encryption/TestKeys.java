package io.dysession.encryption;

import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import io.dysession.internal.crypto.DataKey;
import io.dysession.internal.crypto.StaticKeyRing;

/** Fixed test keys: {@code id:base64} entries for dysession.encryption.keys, and rings made of them. */
final class TestKeys {

    static final String OLD = "old:" + material(1);
    static final String NEW = "new:" + material(2);
    /** Same id as {@link #OLD}, other material. */
    static final String OLD_IMPOSTOR = "old:" + material(3);

    private TestKeys() {
    }

    static String material(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    static StaticKeyRing ring(String... entries) {
        List<DataKey> keys = java.util.Arrays.stream(entries).map(entry -> {
            String[] parts = entry.split(":", 2);
            return new DataKey(parts[0], new SecretKeySpec(Base64.getDecoder().decode(parts[1]), "AES"));
        }).toList();
        return new StaticKeyRing(keys, keys.get(0).id());
    }
}
