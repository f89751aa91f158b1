package io.dysession.it.concurrency.app;

import java.io.IOException;

import io.dysession.DySessionStatistics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /overwrites}: this server's {@link DySessionStatistics#overwrites()}. Uses no session bean. */
@WebServlet("/overwrites")
public class OverwritesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySessionStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.text(response, Long.toString(statistics.overwrites()));
    }
}
