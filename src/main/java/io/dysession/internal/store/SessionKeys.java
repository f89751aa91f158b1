package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one place ids and caller names become item keys: the configured prefix +
 * base64url(SHA-256(text)). The prefix keeps applications that share a table apart; the digest
 * keeps the raw id (a bearer token) and caller names out of the table and the logs.
 *
 * @param prefix  text before the digest in the partition key ({@code dysession.table.key-prefix})
 */
public record SessionKeys(String prefix) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The key of the session with this id. */
    public SessionKey ofId(String sessionId) {
        return ofHandle(digest(sessionId));
    }

    /** The key of the session with this handle (public digest). */
    public SessionKey ofHandle(String handle) {
        return new SessionKey(prefix + handle, handle);
    }

    /** The key of a stored item, from its partition key value. */
    SessionKey ofValue(String value) {
        return new SessionKey(value, value.startsWith(prefix) ? value.substring(prefix.length()) : value);
    }

    /** The caller index key of a logged-in session: prefix + digest of the caller's name. */
    public String ofCaller(String caller) {
        return prefix + digest(caller);
    }

    private static String digest(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return ENCODER.encodeToString(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
