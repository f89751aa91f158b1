package io.dysession.it.concurrency.app;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** Plain-text bodies with the serving JVM's pid, as the other test apps answer. */
final class Responses {

    private Responses() {
    }

    static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Server-Pid", Long.toString(ProcessHandle.current().pid()));
        response.getWriter().write(body);
    }
}
