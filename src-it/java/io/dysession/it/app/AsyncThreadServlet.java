package io.dysession.it.app;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /async-thread}: uses the counter on a thread the container did not dispatch through
 * the filter, and prints what happened.
 */
@WebServlet(urlPatterns = "/async-thread", asyncSupported = true)
public class AsyncThreadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        new Thread(() -> {
            String outcome;
            try {
                outcome = "count " + counter.increment();
            } catch (ContextNotActiveException e) {
                outcome = "not active: " + e.getMessage();
            }
            try {
                TextResponses.write((HttpServletResponse) async.getResponse(), outcome);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                async.complete();
            }
        }, "application-thread").start();
    }
}
