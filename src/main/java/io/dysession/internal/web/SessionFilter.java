package io.dysession.internal.web;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.internal.DySessionRuntime;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionRequest;
import io.dysession.internal.dynamodb.CallTrace;

/**
 * Binds each HTTP request's session to the thread, saves it before the response commits (or at
 * the end of the chain), sends the cookie, and unbinds in {@code finally}. Registered first in the
 * chain by {@link DySessionInitializer}.
 */
public final class SessionFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(SessionFilter.class.getName());

    private volatile SessionHandoff handoff;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        SessionHandoff handoff = handoff();
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || handoff.context().isActive()) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC && handoff.attached(request) == null) {
            chain.doFilter(req, res);
            return;
        }
        try (CallTrace trace = handoff.serverTiming() ? CallTrace.open() : null;
             DySessionContext.Binding binding = handoff.bind(request)) {
            handle(binding, trace, request, response, chain);
        }
    }

    private void handle(DySessionContext.Binding binding, CallTrace trace, HttpServletRequest request,
                        HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        SessionRequest session = binding.request();
        CommitAwareResponse guarded = new CommitAwareResponse(response, () -> {
            save(session, request, response);
            reportCalls(trace, response);
        });
        try {
            chain.doFilter(request, guarded);
            if (request.isAsyncStarted()) {
                binding.keep();
                suspend(session, request, response);
            } else {
                save(session, request, response);
                reportCalls(trace, response);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            if (!FailureAnswers.answer(e, response)) {
                throw e;
            }
        } finally {
            if (!binding.kept()) {
                handoff.detach(request);
            }
        }
    }

    /**
     * The request went async: the session stays with the request (async dispatches bind it again)
     * and is saved, at the latest, when the async request completes.
     */
    private void suspend(SessionRequest session, HttpServletRequest request, HttpServletResponse response) {
        handoff.keep(request, session);
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                try {
                    save(session, request, response);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "dysession could not save a session when its async request completed: "
                            + e.getMessage(), e);
                } finally {
                    session.release();
                }
            }

            @Override
            public void onTimeout(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this);
            }
        });
    }

    private void save(SessionRequest session, HttpServletRequest request, HttpServletResponse response) {
        handoff.commit(session, request, response);
    }

    // After the save and before the response commits, so that the save's calls are in it; once.
    private static void reportCalls(CallTrace trace, HttpServletResponse response) {
        if (trace == null || response.isCommitted() || ServerTiming.sent(response)) {
            return;
        }
        String header = ServerTiming.of(trace);
        if (header != null) {
            response.addHeader(ServerTiming.HEADER, header);
        }
    }

    // Looked up on first use: the CDI container of this application is surely up by then.
    private SessionHandoff handoff() {
        SessionHandoff found = handoff;
        if (found == null) {
            handoff = found = CDI.current().select(DySessionRuntime.class).get().handoff();
        }
        return found;
    }
}
