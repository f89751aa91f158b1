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
            if (cause instanceof DySessionConflictException) {
                LOG.log(Level.INFO, cause.getMessage());
                if (response.isCommitted()) {
                    return false;
                }
                response.reset();
                response.sendError(HttpServletResponse.SC_CONFLICT);
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(DySessionStoreException failure, HttpServletResponse response)
            throws IOException {
        long seconds = failure.retryAfter().orElse(DEFAULT_RETRY_AFTER).toSeconds();
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(Math.max(1, seconds)));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = ("Session storage is unavailable. Try again in " + Math.max(1, seconds) + " s.\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        return true;
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
