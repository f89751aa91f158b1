package io.dysession.it.login.form;

import java.io.IOException;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /private}, for group user only: {@code private principal=<name> admin=<bool>}. */
@WebServlet("/private")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
@DeclareRoles({"user", "admin"})
public class PrivateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("private principal=" + request.getUserPrincipal().getName() + " admin="
                + request.isUserInRole("admin"));
    }
}
