package io.dysession.it.login.token;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.DySessionRegistry;

/**
 * {@code GET /registry/sessions?caller=}: one line {@code handle|client|current} per session;
 * {@code /registry/invalidate?handle=}: true or false; {@code /registry/invalidate-all?caller=}: the count.
 * (An application would of course protect this; the test drives it directly.)
 */
@WebServlet("/registry/*")
public class RegistryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySessionRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = switch (String.valueOf(request.getPathInfo())) {
            case "/sessions" -> registry.sessionsOf(request.getParameter("caller")).stream()
                    .map(info -> info.handle() + "|" + info.client() + "|" + info.current())
                    .collect(Collectors.joining("\n"));
            case "/invalidate" -> Boolean.toString(registry.invalidate(request.getParameter("handle")));
            case "/invalidate-all" -> Integer.toString(registry.invalidateAll(request.getParameter("caller")));
            default -> null;
        };
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        LoginResponses.write(response, body);
    }
}
