package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The caller index key of a logged-in session: the configured key prefix + base64url(SHA-256(caller
 * name)). The prefix keeps applications that share a table apart; the digest keeps the index key
 * free of names in the clear.
 *
 * @param prefix  the table's key prefix ({@code dysession.table.key-prefix})
 */
public record CallerDigests(String prefix) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The index key of this caller's sessions. */
    public String of(String caller) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
            return prefix + ENCODER.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
