package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The partition key value of a session item, the configured prefix + base64url(SHA-256(id)), and
 * the two names derived from it: the public digest (the key without the prefix, the payload of
 * lifecycle events) and a log-safe prefix of that digest. The raw id is never stored or logged.
 *
 * @param prefix  text before the id digest in the partition key
 */
public record SessionKeys(String prefix) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int LOGGED_CHARACTERS = 12;

    /** The partition key value of the session with this id. */
    public String keyOf(String sessionId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return prefix + ENCODER.encodeToString(sha256.digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The session's public digest: its key without the configured prefix. */
    public String publicDigest(String key) {
        return key.substring(prefix.length());
    }

    /** A short, non-secret reference for logs: the start of the public digest. */
    public String logSafePrefix(String key) {
        String digest = publicDigest(key);
        return digest.substring(0, Math.min(digest.length(), LOGGED_CHARACTERS)) + "…";
    }
}
