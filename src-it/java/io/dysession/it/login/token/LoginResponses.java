package io.dysession.it.login.token;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** Plain-text bodies, with the serving JVM's pid so a test can tell the servers apart. */
final class LoginResponses {

    private LoginResponses() {
    }

    static void write(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Server-Pid", Long.toString(ProcessHandle.current().pid()));
        response.getWriter().write(body);
    }
}
