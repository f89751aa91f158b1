package io.dysession.deployment;

import static io.dysession.deployment.BeanProblemsTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.test.TestConfig;

/**
 * Each invalid dysession.encryption.* setting fails the deployment with a message that names the
 * key and the offending id, and never the key material.
 */
class EncryptionConfigTest {

    private static final String GOOD = key(1);
    private static final String OTHER = key(2);

    @AfterAll
    static void restore() {
        TestConfig.use("encryption-config");
    }

    @Test
    void aMalformedListNamesTheEntryNotItsText() {
        String message = failure(Map.of("dysession.encryption.keys", "new:" + GOOD + "," + OTHER));
        assertContains(message, "Invalid configuration: dysession.encryption.keys must be a comma-separated list of "
                + "id:base64 entries, each id 1 to 16 characters from A-Z, a-z, 0-9, '_' and '-', but entry 2 of 2 "
                + "is not (its text is not shown: it may hold key material).");
        assertNoKeyMaterial(message, GOOD, OTHER);
    }

    @Test
    void anIdTooLongOrWithOtherCharactersIsMalformed() {
        String message = failure(Map.of("dysession.encryption.keys", "a-key-id-of-17-ch:" + GOOD + ",ok:" + OTHER
                + ",bad id:" + key(3)));
        assertContains(message, "but entry 1 of 3 is not (its text is not shown: it may hold key material).");
        assertContains(message, "but entry 3 of 3 is not (its text is not shown: it may hold key material).");
        assertNoKeyMaterial(message, GOOD, OTHER, key(3));
    }

    @Test
    void badBase64NamesTheId() {
        String material = "not*base64*" + GOOD.substring(0, 20);
        String message = failure(Map.of("dysession.encryption.keys", "new:" + GOOD + ",old:" + material));
        assertContains(message, "Invalid configuration: dysession.encryption.keys: the key 'old' is not valid base64. "
                + "Generate a key with: openssl rand -base64 32");
        assertNoKeyMaterial(message, GOOD, material, GOOD.substring(0, 20));
    }

    @Test
    void aKeyThatIsNot32BytesNamesTheIdAndItsLength() {
        String short16 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16});
        String message = failure(Map.of("dysession.encryption.keys", "short:" + short16));
        assertContains(message, "Invalid configuration: dysession.encryption.keys: the key 'short' is 16 bytes long; "
                + "AES-256 needs 32 bytes (44 base64 characters). Generate a key with: openssl rand -base64 32");
        assertNoKeyMaterial(message, short16);
    }

    @Test
    void aDuplicateIdIsNamed() {
        String message = failure(Map.of("dysession.encryption.keys", "old:" + GOOD + ",old:" + OTHER));
        assertContains(message, "Invalid configuration: dysession.encryption.keys lists the key id 'old' twice. Give "
                + "every key an id of its own.");
        assertNoKeyMaterial(message, GOOD, OTHER);
    }

    @Test
    void anActiveKeyThatIsNotListedNamesItAndTheListedIds() {
        String message = failure(Map.of("dysession.encryption.keys", "new:" + GOOD + ",old:" + OTHER,
                "dysession.encryption.active-key", "k9"));
        assertContains(message, "Invalid configuration: dysession.encryption.active-key=k9 is not an id listed in "
                + "dysession.encryption.keys (new, old). Name one of them, or add the key to the list.");
        assertNoKeyMaterial(message, GOOD, OTHER);
    }

    @Test
    void anActiveKeyOrRequiredWithoutKeysIsRefused() {
        String message = failure(Map.of("dysession.encryption.active-key", "new",
                "dysession.encryption.required", "true"));
        assertContains(message, "Invalid configuration: dysession.encryption.active-key=new is set, but "
                + "dysession.encryption.keys is not. List the keys in dysession.encryption.keys (id:base64, "
                + "comma-separated), or unset dysession.encryption.active-key.");
        assertContains(message, "Invalid configuration: dysession.encryption.required=true, but "
                + "dysession.encryption.keys is not set, so nothing could be read or written. List the keys in "
                + "dysession.encryption.keys, or set dysession.encryption.required=false.");
    }

    private static String failure(Map<String, String> settings) {
        TestConfig.use("encryption-config", settings);
        return Deployments.failure(Cart.class);
    }

    private static void assertNoKeyMaterial(String message, String... materials) {
        for (String material : materials) {
            assertFalse(message.contains(material), () -> "key material in the message: " + message);
            assertFalse(message.contains(material.substring(0, 12)), () -> "part of a key in the message: " + message);
        }
    }

    static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 17 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
