package io.dysession.it.app;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** Plain-text bodies, with the serving JVM's pid so a test can tell the servers apart. */
final class TextResponses {

    static final String SERVER_PID_HEADER = "X-Server-Pid";

    private TextResponses() {
    }

    static void write(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(SERVER_PID_HEADER, Long.toString(ProcessHandle.current().pid()));
        response.getWriter().write(body);
    }
}
