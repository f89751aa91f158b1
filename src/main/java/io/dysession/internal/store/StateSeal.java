package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
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
 * does not open is logged once where it is met, counted, and read as absent; never an error.
 * With encryption off, values pass through as they are.
 */
public final class StateSeal {

    private static final Logger LOG = Logger.getLogger(StateSeal.class.getName());
    /** The most a sealed value is longer than the plain one: header with a 16-character id, nonce and tag. */
    static final int OVERHEAD = 2 + 16 + 12 + 16;

    private final SealedValues sealed;
    private final boolean required;
    private final String table;
    private final Counters counters;

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
        if (stored.b() == null || !SealedValues.isSealed(stored.b().asByteArray())) {
            if (required) {
                undecryptable(key, "bean " + bean, "(none)", "it is not encrypted, and "
                        + ConfigKeys.ENCRYPTION_REQUIRED + "=true");
                return null;
            }
            return stored;
        }
        byte[] plain = open(key, "bean " + bean, stored.b().asByteArray(), ValuePlace.bean(table, key.value(), bean));
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
    SessionLogin openLogin(SessionKey key, byte[] stored) {
        byte[] plain = open(key, "the login", stored, ValuePlace.login(table, key.value()));
        return plain == null ? null : LoginBytes.read(plain);
    }

    /** Whether a plain (map) login is to be read as undecryptable: {@code required=true}. Logged and counted. */
    boolean refusesPlainLogin(SessionKey key) {
        if (required) {
            undecryptable(key, "the login", "(none)", "it is not encrypted, and " + ConfigKeys.ENCRYPTION_REQUIRED
                    + "=true");
        }
        return required;
    }

    private byte[] open(SessionKey key, String what, byte[] stored, ValuePlace place) {
        if (sealed == null) {
            String id = SealedValues.keyIdOf(stored);
            undecryptable(key, what, id == null ? "(none)" : id, "it is encrypted, but "
                    + ConfigKeys.ENCRYPTION_KEYS + " is not set");
            return null;
        }
        try {
            return sealed.open(stored, place);
        } catch (UndecryptableValueException e) {
            undecryptable(key, what, e.keyId(), e.getMessage());
            return null;
        }
    }

    private void undecryptable(SessionKey key, String what, String keyId, String reason) {
        counters.undecryptableValue();
        LOG.warning(() -> "dysession cannot decrypt " + what + " of session " + key.logRef() + " in " + table
                + " (key id " + keyId + "): " + reason + ". It is read as absent"
                + (what.startsWith("bean") ? ": the bean starts fresh, and its next save replaces the stored value."
                : ": the session holds no login.")
                + " If a key was removed too early, add it back to " + ConfigKeys.ENCRYPTION_KEYS + ".");
    }
}
