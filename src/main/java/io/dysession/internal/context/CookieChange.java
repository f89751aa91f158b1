package io.dysession.internal.context;

/**
 * What a save asks of the response: nothing, or a Set-Cookie carrying a (new) session id.
 *
 * @param id the id to send, or null for no change
 */
public record CookieChange(String id) {

    static final CookieChange NONE = new CookieChange(null);

    public boolean isNone() {
        return id == null;
    }
}
