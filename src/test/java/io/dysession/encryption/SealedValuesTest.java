package io.dysession.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.crypto.UndecryptableValueException;
import io.dysession.internal.crypto.ValuePlace;

/** The sealed format: AES-256-GCM, a fresh nonce each time, bound to table, item and attribute. */
class SealedValuesTest {

    private static final byte[] JSON = "{\"items\":[\"tea\",\"marker-7f3a\"]}".getBytes(StandardCharsets.UTF_8);
    private static final ValuePlace CART = ValuePlace.bean("sessions", "digest-a", "com.shop.Cart");

    private final SealedValues values = new SealedValues(TestKeys.ring(TestKeys.NEW, TestKeys.OLD));

    @Test
    void roundTripWithTheDocumentedLayout() throws Exception {
        byte[] sealed = values.seal(JSON, CART);

        assertArrayEquals(JSON, values.open(sealed, CART));
        assertEquals(1, sealed[0], "format version");
        assertEquals(3, sealed[1], "key id length");
        assertEquals("new", new String(sealed, 2, 3, StandardCharsets.US_ASCII), "the active key's id");
        assertEquals(2 + 3 + 12 + JSON.length + 16, sealed.length, "header, 12-byte nonce, ciphertext, 16-byte tag");
        assertEquals("new", SealedValues.keyIdOf(sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("marker-7f3a"), "no plain text");
    }

    @Test
    void everySealHasAFreshNonce() {
        byte[] first = values.seal(JSON, CART);
        byte[] second = values.seal(JSON, CART);
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(first, 5, 17)),
                Arrays.toString(Arrays.copyOfRange(second, 5, 17)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void aValueOpensOnlyInItsOwnPlace() throws Exception {
        byte[] sealed = values.seal(JSON, CART);

        assertUndecryptable(sealed, ValuePlace.bean("sessions", "digest-b", "com.shop.Cart"), "another item");
        assertUndecryptable(sealed, ValuePlace.bean("sessions", "digest-a", "com.shop.Wizard"), "another bean");
        assertUndecryptable(sealed, ValuePlace.login("sessions", "digest-a"), "the login");
        assertUndecryptable(sealed, ValuePlace.bean("other-table", "digest-a", "com.shop.Cart"), "another table");
        assertArrayEquals(JSON, values.open(sealed, CART));
    }

    @Test
    void aFlippedByteOfNonceCiphertextOrTagIsRefused() {
        byte[] sealed = values.seal(JSON, CART);
        int nonce = 2 + 3;
        int ciphertext = nonce + 12;
        int tag = sealed.length - 16;
        for (int at : new int[] {nonce, nonce + 11, ciphertext, ciphertext + JSON.length - 1, tag, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 0x01;
            UndecryptableValueException refused = assertThrows(UndecryptableValueException.class,
                    () -> values.open(tampered, CART), "byte " + at);
            assertEquals("new", refused.keyId());
            assertTrue(refused.getMessage().startsWith("its authentication tag does not verify"), refused.getMessage());
        }
    }

    @Test
    void anUnknownKeyIdATruncatedValueAndAnImpostorKeyAreRefused() {
        byte[] underOld = new SealedValues(TestKeys.ring(TestKeys.OLD)).seal(JSON, CART);
        SealedValues newOnly = new SealedValues(TestKeys.ring(TestKeys.NEW));
        UndecryptableValueException unknown = assertThrows(UndecryptableValueException.class,
                () -> newOnly.open(underOld, CART));
        assertEquals("old", unknown.keyId());
        assertEquals("its key id is not in dysession.encryption.keys", unknown.getMessage());

        UndecryptableValueException truncated = assertThrows(UndecryptableValueException.class,
                () -> values.open(Arrays.copyOf(underOld, 2 + 3 + 12 + 15), CART));
        assertEquals("it is truncated", truncated.getMessage());

        UndecryptableValueException impostor = assertThrows(UndecryptableValueException.class,
                () -> new SealedValues(TestKeys.ring(TestKeys.OLD_IMPOSTOR)).open(underOld, CART));
        assertEquals("old", impostor.keyId());
    }

    @Test
    void anOlderKeyOfTheRingStillOpens() throws Exception {
        byte[] underOld = new SealedValues(TestKeys.ring(TestKeys.OLD)).seal(JSON, CART);
        assertArrayEquals(JSON, values.open(underOld, CART), "a ring with new,old reads what old sealed");
    }

    private void assertUndecryptable(byte[] sealed, ValuePlace place, String where) {
        assertThrows(UndecryptableValueException.class, () -> values.open(sealed, place), where);
    }
}
