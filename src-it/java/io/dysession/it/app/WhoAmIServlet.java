package io.dysession.it.app;

import java.io.IOException;

import io.dysession.DySession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /whoami}: prints {@code new=<isNew> timeout=<ISO duration>} of the current session
 * without creating one and without printing its id.
 */
@WebServlet("/whoami")
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TextResponses.write(response, "new=" + session.isNew() + " timeout=" + session.timeout());
    }
}
