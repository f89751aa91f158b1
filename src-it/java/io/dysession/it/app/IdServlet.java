package io.dysession.it.app;

import java.io.IOException;

import io.dysession.DySession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /id}: asks for the session id (which creates the session) and prints it. */
@WebServlet("/id")
public class IdServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TextResponses.write(response, session.id());
    }
}
