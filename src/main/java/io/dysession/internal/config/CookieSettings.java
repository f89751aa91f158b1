package io.dysession.internal.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the session cookie is written.
 *
 * @param name      cookie name
 * @param path      Path attribute; empty means the context path
 * @param domain    Domain attribute; empty means none (host-only cookie)
 * @param secure    when to add the Secure attribute
 * @param httpOnly  add HttpOnly
 * @param sameSite  SameSite value: Lax, Strict or None (None always adds Secure)
 * @param maxAge    Max-Age; empty means a browser-session cookie
 */
public record CookieSettings(String name, Optional<String> path, Optional<String> domain, Secure secure,
                             boolean httpOnly, String sameSite, Optional<Duration> maxAge) {

    /** When the cookie carries the Secure attribute. */
    public enum Secure {
        /** on requests that arrived over HTTPS ({@code ServletRequest.isSecure()}) */
        AUTO,
        ALWAYS,
        NEVER
    }
}
