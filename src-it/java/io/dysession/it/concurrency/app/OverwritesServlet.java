package io.dysession.it.concurrency.app;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

import io.dysession.DySessionStatistics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /overwrites}: this server's {@link DySessionStatistics} count of overwrites. Uses no session bean. */
@WebServlet("/overwrites")
public class OverwritesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySessionStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object overwrites;
        try {
            overwrites = DySessionStatistics.class.getMethod("overwrites").invoke(statistics);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "no DySessionStatistics.overwrites(): " + e);
            return;
        }
        Responses.text(response, String.valueOf(overwrites));
    }
}
