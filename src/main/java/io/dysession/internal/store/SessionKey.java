package io.dysession.internal.store;

/**
 * The names of one session item, never the id: made by {@link SessionKeys} from an id, a handle
 * or a stored partition key value.
 *
 * @param value   partition key value: the configured prefix + base64url(SHA-256(id))
 * @param handle  the public digest, the value without the prefix: what lifecycle events carry and
 *                {@code DySession.handle()} returns
 */
public record SessionKey(String value, String handle) {

    private static final int LOGGED_CHARACTERS = 12;

    /** A short, non-secret reference for logs: the start of the handle. */
    public String logRef() {
        return handle.substring(0, Math.min(handle.length(), LOGGED_CHARACTERS)) + "…";
    }

    @Override
    public String toString() {
        return logRef();
    }
}
