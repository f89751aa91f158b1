package io.dysession.internal.context;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters).
 * Only their SHA-256 digest is ever stored (see {@code SessionKeys}).
 */
public final class SessionId {

    static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionId() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * True for exactly the format {@link #generate()} produces. Anything else is ignored before
     * any DynamoDB call. The last character must encode 4 bits followed by two zero bits.
     */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return "AEIMQUYcgkosw048".indexOf(value.charAt(LENGTH - 1)) >= 0;
    }
}
