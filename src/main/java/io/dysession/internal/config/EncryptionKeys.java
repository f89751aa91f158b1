package io.dysession.internal.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import io.dysession.internal.crypto.DataKey;
import io.dysession.internal.crypto.KeyRing;
import io.dysession.internal.crypto.StaticKeyRing;

import static io.dysession.internal.config.ConfigKeys.ENCRYPTION_ACTIVE_KEY;
import static io.dysession.internal.config.ConfigKeys.ENCRYPTION_KEYS;
import static io.dysession.internal.config.ConfigKeys.ENCRYPTION_REQUIRED;

/**
 * Reads {@code dysession.encryption.*}. Every problem names the key and the offending id, never
 * key material: the list's text is not repeated in any message.
 */
final class EncryptionKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int KEY_BYTES = 32;
    private static final String GENERATE = " Generate a key with: openssl rand -base64 32";

    private EncryptionKeys() {
    }

    static EncryptionSettings read(ConfigValues config) {
        Optional<String> list = config.untrimmed(ENCRYPTION_KEYS).filter(value -> !value.isBlank());
        Optional<String> activeId = config.optional(ENCRYPTION_ACTIVE_KEY);
        boolean required = config.bool(ENCRYPTION_REQUIRED, false);
        if (list.isEmpty()) {
            activeId.ifPresent(id -> config.problem("Invalid configuration: " + ENCRYPTION_ACTIVE_KEY + "=" + id
                    + " is set, but " + ENCRYPTION_KEYS + " is not. List the keys in " + ENCRYPTION_KEYS + " (id:base64,"
                    + " comma-separated), or unset " + ENCRYPTION_ACTIVE_KEY + "."));
            if (required) {
                config.problem("Invalid configuration: " + ENCRYPTION_REQUIRED + "=true, but " + ENCRYPTION_KEYS
                        + " is not set, so nothing could be read or written. List the keys in " + ENCRYPTION_KEYS
                        + ", or set " + ENCRYPTION_REQUIRED + "=false.");
            }
            return EncryptionSettings.OFF;
        }
        List<DataKey> keys = keys(config, list.get());
        if (keys == null) {
            return EncryptionSettings.OFF;
        }
        String active = activeId.orElse(keys.get(0).id());
        if (keys.stream().noneMatch(key -> key.id().equals(active))) {
            config.problem("Invalid configuration: " + ENCRYPTION_ACTIVE_KEY + "=" + active + " is not an id listed in "
                    + ENCRYPTION_KEYS + " (" + String.join(", ", keys.stream().map(DataKey::id).toList())
                    + "). Name one of them, or add the key to the list.");
            return EncryptionSettings.OFF;
        }
        KeyRing ring = new StaticKeyRing(keys, active);
        return new EncryptionSettings(Optional.of(ring), required);
    }

    // null when the list has a problem (each one reported)
    private static List<DataKey> keys(ConfigValues config, String list) {
        List<DataKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int problems = 0;
        String[] entries = list.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? null : entry.substring(0, colon).trim();
            if (id == null || !ID.matcher(id).matches()) {
                config.problem("Invalid configuration: " + ENCRYPTION_KEYS + " must be a comma-separated list of "
                        + "id:base64 entries, each id 1 to 16 characters from A-Z, a-z, 0-9, '_' and '-', but entry "
                        + (i + 1) + " of " + entries.length + " is not (its text is not shown: it may hold key material).");
                problems++;
                continue;
            }
            if (!seen.add(id)) {
                config.problem("Invalid configuration: " + ENCRYPTION_KEYS + " lists the key id '" + id + "' twice. "
                        + "Give every key an id of its own.");
                problems++;
                continue;
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                config.problem("Invalid configuration: " + ENCRYPTION_KEYS + ": the key '" + id + "' is not valid "
                        + "base64." + GENERATE);
                problems++;
                continue;
            }
            if (material.length != KEY_BYTES) {
                config.problem("Invalid configuration: " + ENCRYPTION_KEYS + ": the key '" + id + "' is "
                        + material.length + " bytes long; AES-256 needs 32 bytes (44 base64 characters)." + GENERATE);
                problems++;
                continue;
            }
            keys.add(new DataKey(id, new SecretKeySpec(material, "AES")));
        }
        return problems == 0 && !keys.isEmpty() ? keys : null;
    }
}
