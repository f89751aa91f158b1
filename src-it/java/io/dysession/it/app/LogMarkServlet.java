package io.dysession.it.app;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /log-mark?text=...}: writes one INFO line with {@code text} (letters, digits and
 * {@code -} only) to the server log, so a test can wait until everything logged before it is on disk.
 */
@WebServlet("/log-mark")
public class LogMarkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogMarkServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        if (text == null || !text.matches("[A-Za-z0-9-]{1,100}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "text: letters, digits and - only");
            return;
        }
        LOG.info("log mark " + text);
        TextResponses.write(response, "marked");
    }
}
