package io.dysession.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /count}: increments the session's counter and prints the new value; {@code POST /count}
 * does the same (with {@code dysession.concurrency=serialized}, a POST takes the session's lock).
 */
@WebServlet("/count")
public class CountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int count = counter.increment();
        TextResponses.write(response, Integer.toString(count));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
