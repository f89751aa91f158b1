package io.dysession.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.internal.config.Settings;
import io.dysession.internal.context.SessionChange;
import io.dysession.internal.context.SessionId;

/**
 * How the session id travels between client and server: in the cookie, in a request/response
 * header (APIs, mobile clients), or both, as {@code dysession.id-source} says.
 */
final class SessionTransport {

    private final SessionCookie cookie;
    private final boolean fromCookie;
    private final boolean fromHeader;
    private final String header;

    SessionTransport(Settings settings) {
        this.cookie = new SessionCookie(settings.cookie());
        this.fromCookie = settings.idTransport().source().fromCookie();
        this.fromHeader = settings.idTransport().source().fromHeader();
        this.header = settings.idTransport().header();
    }

    /** The id the client sent, if it is well-formed; null otherwise. The cookie wins over the header. */
    String read(HttpServletRequest request) {
        String id = fromCookie ? cookie.read(request) : null;
        if (id == null && fromHeader) {
            String sent = request.getHeader(header);
            id = SessionId.isWellFormed(sent) ? sent : null;
        }
        return id;
    }

    /** Tells the client about a new, rotated or ended session; refreshes a cookie with Max-Age. */
    void write(SessionChange change, HttpServletRequest request, HttpServletResponse response) {
        switch (change.kind()) {
            case STARTED, ROTATED -> {
                if (fromCookie) {
                    response.addHeader("Set-Cookie", cookie.carrying(change.id(), request));
                }
                if (fromHeader) {
                    response.setHeader(header, change.id());
                }
            }
            case SAVED -> {
                if (fromCookie && cookie.hasMaxAge()) {
                    response.addHeader("Set-Cookie", cookie.carrying(change.id(), request));
                }
            }
            case ENDED -> {
                if (fromCookie) {
                    response.addHeader("Set-Cookie", cookie.clearing(request));
                }
            }
            case NONE -> {
            }
        }
    }
}
