package io.dysession.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /async-dispatch}: goes async and asks the container to dispatch to {@code /count},
 * which it does once this thread has left the servlet.
 *
 * <p>The dispatch is made on the request thread on purpose. Made from another thread while this
 * one is still leaving the servlet, Payara can lose it and hold the request until the async timeout
 * (30 s): a race of Payara's own, seen in CI and reported by others
 * (open-telemetry/opentelemetry-java-instrumentation#9261). It does not involve dysession.
 */
@WebServlet(urlPatterns = "/async-dispatch", asyncSupported = true)
public class AsyncDispatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        request.startAsync().dispatch("/count");
    }
}
