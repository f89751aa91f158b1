package io.dysession.it.app;

import java.io.IOException;

import io.dysession.DySession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /login}: what an application does after a successful login: gives the session a new
 * id ({@link DySession#rotateId()}, the session-fixation defence), increments the counter and
 * prints the new count. The new id reaches the client only in the Set-Cookie (and id header).
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySession session;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        session.rotateId();
        int count = counter.increment();
        TextResponses.write(response, Integer.toString(count));
    }
}
