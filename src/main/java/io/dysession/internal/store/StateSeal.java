package io.dysession.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.internal.config.ConfigKeys;
import io.dysession.internal.config.EncryptionSettings;
import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.crypto.UndecryptableValueException;
import io.dysession.internal.crypto.ValuePlace;
import io.dysession.internal.statistics.Counters;

/**
 * Client-side encryption of an item's bean values and login ({@code dysession.encryption.*}):
 * each value sealed on its own for its place, so that delta writes stay delta writes. A value that
 * does not open is read as absent, never an error; it is counted and logged the first time this
 * server meets it, not again at each read of its session until a save replaces it. With
 * encryption off, values pass through as they are.
 */
public final class StateSeal {

    private static final Logger LOG = Logger.getLogger(StateSeal.class.getName());
    // Undecryptable values already reported, by place and content: enough for the sessions of a burst.
    private static final int REMEMBERED = 4096;
    /** The most a sealed value is longer than the plain one: header with a 16-character id, nonce and tag. */
    static final int OVERHEAD = 2 + 16 + 12 + 16;

    private final SealedValues sealed;
    private final boolean required;
    private final String table;
    private final Counters counters;
    private final Set<String> reported = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public StateSeal(EncryptionSettings settings, String table, Counters counters) {
        this.sealed = settings.keys().map(SealedValues::new).orElse(null);
        this.required = settings.required();
        this.table = table;
        this.counters = counters;
    }

    boolean enabled() {
        return sealed != null;
    }

    /** A bean's stored value (JSON text, or gzip), sealed for its place. */
    AttributeValue sealBean(String partitionKey, String bean, AttributeValue encoded) {
        if (sealed == null) {
            return encoded;
        }
        byte[] plain = encoded.s() != null ? encoded.s().getBytes(StandardCharsets.UTF_8) : encoded.b().asByteArray();
        return AttributeValue.fromB(SdkBytes.fromByteArray(sealed.seal(plain, ValuePlace.bean(table, partitionKey,
                bean))));
    }

    /** The plain value (JSON text, or gzip) of a stored bean value; null when it does not open. */
    AttributeValue openBean(SessionKey key, String bean, AttributeValue stored) {
        if (stored.b() == null || !sealedFormat(stored.b())) {
            if (required) {
                undecryptable(key, "bean " + bean, stored, "(none)", "it is not encrypted, and "
                        + ConfigKeys.ENCRYPTION_REQUIRED + "=true");
                return null;
            }
            return stored;
        }
        byte[] plain = open(key, "bean " + bean, stored, ValuePlace.bean(table, key.value(), bean));
        if (plain == null) {
            return null;
        }
        return plain.length > 0 && plain[0] == (byte) 0x1f ? AttributeValue.fromB(SdkBytes.fromByteArray(plain))
                : AttributeValue.fromS(new String(plain, StandardCharsets.UTF_8));
    }

    /** The stored form of a login: sealed bytes, or null to store the plain map. */
    AttributeValue sealLogin(String partitionKey, SessionLogin login) {
        if (sealed == null) {
            return null;
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(sealed.seal(LoginBytes.of(login),
                ValuePlace.login(table, partitionKey))));
    }

    /**
     * The login of a stored {@code login} attribute that is binary (sealed); null when it does not open.
     *
     * @throws ItemLayoutException when it opens to something that is not a login
     */
    SessionLogin openLogin(SessionKey key, AttributeValue stored) {
        byte[] plain = open(key, "the login", stored, ValuePlace.login(table, key.value()));
        return plain == null ? null : LoginBytes.read(plain);
    }

    /** Whether a plain (map) login is to be read as undecryptable: {@code required=true}. Logged and counted. */
    boolean refusesPlainLogin(SessionKey key, AttributeValue stored) {
        if (required) {
            undecryptable(key, "the login", stored, "(none)", "it is not encrypted, and " + ConfigKeys.ENCRYPTION_REQUIRED
                    + "=true");
        }
        return required;
    }

    // The first byte, read without copying the value (a plain gzip value may be large).
    private static boolean sealedFormat(SdkBytes value) {
        ByteBuffer bytes = value.asByteBuffer();
        return bytes.hasRemaining() && bytes.get(bytes.position()) == SealedValues.FORMAT_VERSION;
    }

    private byte[] open(SessionKey key, String what, AttributeValue stored, ValuePlace place) {
        byte[] bytes = stored.b().asByteArray();
        if (sealed == null) {
            String id = SealedValues.keyIdOf(bytes);
            undecryptable(key, what, stored, id == null ? "(none)" : id, "it is encrypted, but "
                    + ConfigKeys.ENCRYPTION_KEYS + " is not set");
            return null;
        }
        try {
            return sealed.open(bytes, place);
        } catch (UndecryptableValueException e) {
            undecryptable(key, what, stored, e.keyId(), e.getMessage());
            return null;
        }
    }

    private void undecryptable(SessionKey key, String what, AttributeValue stored, String keyId, String reason) {
        if (!reported.add(key.value() + "\u0000" + what + "\u0000" + stored.hashCode())) {
            return;
        }
        counters.undecryptableValue();
        LOG.warning(() -> "dysession cannot decrypt " + what + " of session " + key.logRef() + " in " + table
                + " (key id " + keyId + "): " + reason + ". It is read as absent"
                + (what.startsWith("bean") ? ": the bean starts fresh, and its next save replaces the stored value."
                : ": the session holds no login.")
                + " If a key was removed too early, add it back to " + ConfigKeys.ENCRYPTION_KEYS + ".");
    }
}
