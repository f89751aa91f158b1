package io.dysession.internal.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.dysession.internal.config.CookieSettings;
import io.dysession.internal.context.SessionId;

/**
 * Reads the session id from the session cookie and formats the Set-Cookie headers that carry or clear it.
 */
final class SessionCookie {

    private final CookieSettings settings;

    SessionCookie(CookieSettings settings) {
        this.settings = settings;
    }

    /** The first cookie of this name holding a well-formed id, or null; other values are ignored unread. */
    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (settings.name().equals(cookie.getName()) && SessionId.isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Carries {@code id}; Max-Age only when configured. */
    String carrying(String id, HttpServletRequest request) {
        return header(id, settings.maxAge().map(Duration::toSeconds).orElse(-1L), request);
    }

    /** Tells the browser to drop the cookie. */
    String clearing(HttpServletRequest request) {
        return header("", 0, request);
    }

    boolean hasMaxAge() {
        return settings.maxAge().isPresent();
    }

    private String header(String value, long maxAge, HttpServletRequest request) {
        String contextPath = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        StringBuilder header = new StringBuilder(settings.name()).append('=').append(value)
                .append("; Path=").append(settings.path().orElse(contextPath));
        settings.domain().ifPresent(domain -> header.append("; Domain=").append(domain));
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        if (secure(request)) {
            header.append("; Secure");
        }
        if (settings.httpOnly()) {
            header.append("; HttpOnly");
        }
        return header.append("; SameSite=").append(settings.sameSite()).toString();
    }

    // Browsers reject SameSite=None without Secure.
    private boolean secure(HttpServletRequest request) {
        return switch (settings.secure()) {
            case ALWAYS -> true;
            case NEVER -> "None".equals(settings.sameSite());
            case AUTO -> request.isSecure() || "None".equals(settings.sameSite());
        };
    }
}
