package io.dysession.it.login.token;

import java.io.IOException;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.DySession;

/**
 * {@code GET /me}: {@code principal=<name|none> admin=<bool> caller=<DySession.caller()|none>}, as the
 * container and dysession see the request; changes nothing.
 */
@WebServlet("/me")
@DeclareRoles({"user", "admin"})
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String principal = request.getUserPrincipal() == null ? "none" : request.getUserPrincipal().getName();
        LoginResponses.write(response, "principal=" + principal + " admin=" + request.isUserInRole("admin")
                + " caller=" + session.caller().orElse("none"));
    }
}
