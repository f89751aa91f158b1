package io.dysession.it.concurrency.app;

import java.io.IOException;

import io.dysession.it.app.Gates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /profile?name=N} or {@code ?city=C} sets that one property of the session's
 * {@link Profile}; with {@code &gate=NAME} the request then waits at that gate (opened with
 * {@code /gate}, see {@link io.dysession.it.app.GateServlet}) before it ends and its session is
 * saved, so that another request can run in between. {@code GET /profile} changes nothing. Both
 * answer {@code name=N city=C}.
 */
@WebServlet("/profile")
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Profile profile;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.text(response, profile.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("name") != null) {
            profile.setName(request.getParameter("name"));
        }
        if (request.getParameter("city") != null) {
            profile.setCity(request.getParameter("city"));
        }
        String gate = request.getParameter("gate");
        if (gate != null) {
            try {
                if (!Gates.named(gate).arriveAndWait()) {
                    response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT, "the gate was never opened");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        doGet(request, response);
    }
}
