package io.dysession.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletResponse;

import io.dysession.DySessionConflictException;
import io.dysession.DySessionStoreException;
import io.dysession.internal.dynamodb.StoreUnavailableException;

/**
 * Answers a request whose session could not be loaded or saved, while its response is not yet
 * committed: a store failure with 503, {@code Retry-After} and a short text that names no table or
 * endpoint (the server log has those), a strict-mode conflict with 409. Either way nothing of the
 * request's session changes was written.
 */
public final class FailureAnswers {

    private static final Logger LOG = Logger.getLogger(SessionFilter.class.getName());
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private FailureAnswers() {
    }

    /** True when {@code e} (or a cause) was answered; false when it is not ours or too late to answer. */
    public static boolean answer(Exception e, HttpServletResponse response) throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DySessionStoreException failure) {
                log(failure);
                return !response.isCommitted() && unavailable(failure, response);
            }
            if (cause instanceof DySessionConflictException conflict) {
                LOG.log(Level.INFO, cause.getMessage());
                if (response.isCommitted()) {
                    return false;
                }
                text(response, HttpServletResponse.SC_CONFLICT, null, conflict.sessionEnded()
                        ? "The session ended while this request ran (another request logged out, invalidated it or "
                        + "changed its id); nothing of this request's session changes was saved.\n"
                        : "Another request changed the same session state meanwhile; nothing of this request's "
                        + "session changes was saved. Retry the request.\n");
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(DySessionStoreException failure, HttpServletResponse response)
            throws IOException {
        long seconds = failure.retryAfter().orElse(DEFAULT_RETRY_AFTER).toSeconds();
        text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Long.toString(Math.max(1, seconds)),
                "Session storage is unavailable. Try again in " + Math.max(1, seconds) + " s.\n");
        response.flushBuffer();
        return true;
    }

    // A short text/plain answer that names no table, endpoint, bean or id: the server log has those.
    private static void text(HttpServletResponse response, int status, String retryAfter, String text)
            throws IOException {
        response.reset();
        response.setStatus(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    // While failing fast every request would log the same line: those go to FINE, the failures to WARNING.
    private static void log(DySessionStoreException failure) {
        if (failure instanceof StoreUnavailableException unavailable && unavailable.failingFast()) {
            LOG.fine(failure::getMessage);
        } else {
            LOG.warning(failure.getMessage());
            LOG.log(Level.FINE, "dysession store failure", failure);
        }
    }
}
