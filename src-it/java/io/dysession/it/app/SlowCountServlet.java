package io.dysession.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /slow-count?gate=NAME}: loads the counter, waits at the gate until the test opens it
 * ({@link GateServlet}), then increments it, so that a test can make two requests of one session
 * overlap in a known order.
 */
@WebServlet("/slow-count")
public class SlowCountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        counter.getCount();
        try {
            if (!Gates.named(request.getParameter("gate")).arriveAndWait()) {
                response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT, "the gate was never opened");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        TextResponses.write(response, Integer.toString(counter.increment()));
    }
}
