package io.dysession.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens stored values with AES-256-GCM, each under a fresh 96-bit random nonce. A sealed
 * value is
 * <pre>
 * byte 0        format version (1)
 * byte 1        key id length L (1 to 16)
 * bytes 2..L+1  key id, ASCII
 * next 12       nonce
 * the rest      ciphertext, then the 16-byte GCM tag
 * </pre>
 * and its additional authenticated data is the format version byte, then the table name, the
 * partition key value and the attribute path ({@link ValuePlace}), each as a 2-byte big-endian
 * length and its UTF-8 bytes. The first byte tells a sealed value (1) from a gzip-compressed one
 * (0x1f) and from JSON text.
 */
public final class SealedValues {

    public static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(SealedValues::newCipher);

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public SealedValues(KeyRing keys) {
        this.keys = keys;
    }

    /** The ring the values are sealed with. */
    public KeyRing keys() {
        return keys;
    }

    /** Whether {@code stored} is in the sealed format (it may still not open). */
    public static boolean isSealed(byte[] stored) {
        return stored.length > 0 && stored[0] == FORMAT_VERSION;
    }

    /**
     * The key id a sealed value names, or null when the value is too short to name one. Reads the
     * header only: it says nothing of whether the value opens.
     */
    public static String keyIdOf(byte[] sealed) {
        if (!isSealed(sealed) || sealed.length < 2) {
            return null;
        }
        int length = sealed[1];
        if (length < 1 || length > 16 || sealed.length < 2 + length) {
            return null;
        }
        return new String(sealed, 2, length, StandardCharsets.US_ASCII);
    }

    /** {@code plain}, sealed under the active key for {@code place}. */
    public byte[] seal(byte[] plain, ValuePlace place) {
        DataKey key = keys.active();
        byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer sealed = ByteBuffer.allocate(2 + id.length + NONCE_BYTES + plain.length + TAG_BYTES);
        sealed.put(FORMAT_VERSION).put((byte) id.length).put(id).put(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(place));
            cipher.doFinal(ByteBuffer.wrap(plain), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to seal a value under key " + key.id(), e);
        }
        return sealed.array();
    }

    /**
     * The plain bytes of a value sealed for {@code place}.
     *
     * @throws UndecryptableValueException when it names a key the ring does not have, is truncated,
     *                                     or its tag does not verify (tampered, or copied from another place)
     */
    public byte[] open(byte[] sealed, ValuePlace place) throws UndecryptableValueException {
        String id = keyIdOf(sealed);
        if (id == null) {
            throw new UndecryptableValueException("(none)", "it is too short to be a sealed value");
        }
        DataKey key = keys.find(id).orElseThrow(() -> new UndecryptableValueException(id,
                "its key id is not in dysession.encryption.keys"));
        int offset = 2 + id.length();
        if (sealed.length < offset + NONCE_BYTES + TAG_BYTES) {
            throw new UndecryptableValueException(id, "it is truncated");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.key(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES)));
            cipher.updateAAD(aad(place));
            return cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new UndecryptableValueException(id, "its authentication tag does not verify (the value was altered, "
                    + "copied from another item or attribute, or sealed under another key with this id)");
        } catch (GeneralSecurityException e) {
            throw new UndecryptableValueException(id, "AES-256-GCM refused it: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] aad(ValuePlace place) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream(128);
        aad.write(FORMAT_VERSION);
        for (String part : new String[] {place.table(), place.partitionKey(), place.path()}) {
            byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
            aad.write(utf8.length >>> 8);
            aad.write(utf8.length);
            aad.writeBytes(utf8);
        }
        return aad.toByteArray();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is required of every Java platform", e);
        }
    }
}
