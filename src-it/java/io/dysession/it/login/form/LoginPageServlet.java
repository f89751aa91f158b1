package io.dysession.it.login.form;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /login-page} and {@code /login-error}: what the form mechanism shows; a real page would post to j_security_check. */
@WebServlet({"/login-page", "/login-error"})
public class LoginPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(request.getServletPath().equals("/login-error") ? "login error" : "login page");
    }
}
