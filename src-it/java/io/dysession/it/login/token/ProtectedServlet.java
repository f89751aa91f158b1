package io.dysession.it.login.token;

import java.io.IOException;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /protected}, a servlet security constraint for group user: {@code protected <name>}. The
 * container asks the mechanism about every request to it with {@code isProtected()} true.
 */
@WebServlet("/protected")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ProtectedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginResponses.write(response, "protected " + request.getUserPrincipal().getName());
    }
}
