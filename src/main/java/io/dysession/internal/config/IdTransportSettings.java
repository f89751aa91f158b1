package io.dysession.internal.config;

/**
 * Where the session id travels: the cookie, a request/response header, or both.
 *
 * @param source  where the id is read from and written to
 * @param header  name of the id header
 */
public record IdTransportSettings(IdSource source, String header) {

    /** The values of {@code dysession.id-source}. */
    public enum IdSource {
        COOKIE, HEADER, COOKIE_AND_HEADER;

        public boolean fromCookie() {
            return this != HEADER;
        }

        public boolean fromHeader() {
            return this != COOKIE;
        }
    }
}
