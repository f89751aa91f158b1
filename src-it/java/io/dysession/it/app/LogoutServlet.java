package io.dysession.it.app;

import java.io.IOException;

import io.dysession.DySession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /logout} or {@code POST /logout}: ends the session ({@link DySession#invalidate()}) and
 * prints {@code bye}. The two differ in {@code dysession.concurrency=serialized}, where a POST takes
 * the session's lock and a GET (an unlocked method by default) does not.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        session.invalidate();
        TextResponses.write(response, "bye");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
