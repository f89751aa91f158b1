package io.dysession.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirect-after-POST. {@code POST /note} stores the {@code text} parameter and redirects to
 * {@code GET /note}, which prints it: with {@code sendRedirect} (302), or with a hand-made 303 when
 * the {@code status} parameter is {@code 303}.
 */
@WebServlet("/note")
public class NoteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Note note;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        note.setText(request.getParameter("text"));
        String location = request.getContextPath() + "/note";
        if ("303".equals(request.getParameter("status"))) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", location);
        } else {
            response.sendRedirect(location);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = note.getText();
        TextResponses.write(response, text == null ? "" : text);
    }
}
