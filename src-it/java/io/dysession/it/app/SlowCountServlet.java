package io.dysession.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /slow-count?pause=ms}: loads the counter, waits, then increments it, so that a
 * test can make two requests of one session overlap.
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
            Thread.sleep(Long.parseLong(request.getParameter("pause")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TextResponses.write(response, Integer.toString(counter.increment()));
    }
}
