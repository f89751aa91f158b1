package io.dysession.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.dysession.internal.context.SessionId;

/**
 * Reads the session id from, and writes it to, the session cookie.
 */
final class SessionCookie {

    private final String name;

    SessionCookie(String name) {
        this.name = name;
    }

    /** The first cookie of this name holding a well-formed id, or null; other values are ignored unread. */
    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && SessionId.isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** HttpOnly, SameSite=Lax, scoped to the context path, Secure on secure requests, no Max-Age. */
    String header(String id, HttpServletRequest request) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        StringBuilder header = new StringBuilder(name).append('=').append(id)
                .append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Lax");
        if (request.isSecure()) {
            header.append("; Secure");
        }
        return header.toString();
    }
}
