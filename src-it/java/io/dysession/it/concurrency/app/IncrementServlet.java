package io.dysession.it.concurrency.app;

import java.io.IOException;

import io.dysession.it.app.Counter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /increment}: increments the session's {@link Counter} and answers the value it wrote
 * ({@code GET /read} shows the counter without changing it).
 */
@WebServlet("/increment")
public class IncrementServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.text(response, Integer.toString(counter.increment()));
    }
}
