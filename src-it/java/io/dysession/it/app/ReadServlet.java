package io.dysession.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /read}: prints the session's counter without changing it. */
@WebServlet("/read")
public class ReadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TextResponses.write(response, Integer.toString(counter.getCount()));
    }
}
