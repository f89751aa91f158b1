package io.dysession.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.internal.config.ConcurrencySettings;
import io.dysession.internal.config.Settings;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionRequest;

/**
 * One HTTP request's session as it passes between the parts that handle the request: a login
 * mechanism (which the container runs before the filter chain), the filter, and the async
 * dispatches of the same request all find it in one request attribute. And the one commit: save
 * the session, then tell the client (cookie or header).
 */
public final class SessionHandoff {

    private static final String ATTRIBUTE = SessionHandoff.class.getName() + ".session";

    private final DySessionContext context;
    private final SessionTransport transport;
    private final ConcurrencySettings concurrency;
    private final boolean serverTiming;

    public SessionHandoff(DySessionContext context, Settings settings) {
        this.context = context;
        this.transport = new SessionTransport(settings);
        this.concurrency = settings.concurrency();
        this.serverTiming = settings.serverTiming();
    }

    public DySessionContext context() {
        return context;
    }

    boolean serverTiming() {
        return serverTiming;
    }

    /** The session a login mechanism or an earlier dispatch of this request left with it, or null. */
    public SessionRequest attached(HttpServletRequest request) {
        return (SessionRequest) request.getAttribute(ATTRIBUTE);
    }

    /** The request's session: the one attached, or a new one for the id the client sent, attached now. */
    public SessionRequest attach(HttpServletRequest request) {
        SessionRequest session = attached(request);
        if (session == null) {
            session = context.request(transport.read(request), concurrency.locks(request.getMethod()));
            request.setAttribute(ATTRIBUTE, session);
        }
        return session;
    }

    /** The request's session for a request the filter binds: the one attached, or one for the id sent. */
    DySessionContext.Binding bind(HttpServletRequest request) {
        SessionRequest session = attached(request);
        return context.bind(session != null ? session
                : context.request(transport.read(request), concurrency.locks(request.getMethod())));
    }

    /** The request went async: its session stays with it for the dispatches to come. */
    void keep(HttpServletRequest request, SessionRequest session) {
        request.setAttribute(ATTRIBUTE, session);
    }

    /** The request is done with its session. */
    public void detach(HttpServletRequest request) {
        request.removeAttribute(ATTRIBUTE);
    }

    /** The one commit: saves what the request changed and writes what the client must learn. */
    public void commit(SessionRequest session, HttpServletRequest request, HttpServletResponse response) {
        transport.write(session.save(!response.isCommitted()), request, response);
    }
}
