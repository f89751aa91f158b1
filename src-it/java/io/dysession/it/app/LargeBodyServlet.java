package io.dysession.it.app;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /large?mode=flush|overflow|length}: increments the counter, then commits the response
 * before the servlet returns: by flushing, by writing far more than the buffer, or by reaching
 * the declared content length. The first line of the body is the new count.
 */
@WebServlet("/large")
public class LargeBodyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int BODY_LINES = 20_000;

    @Inject
    Counter counter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String count = Integer.toString(counter.increment());
        response.setContentType("text/plain;charset=UTF-8");
        String mode = request.getParameter("mode");
        if ("length".equals(mode)) {
            byte[] body = (count + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        PrintWriter writer = response.getWriter();
        writer.println(count);
        if ("flush".equals(mode)) {
            writer.flush();
        }
        for (int i = 0; i < BODY_LINES; i++) {
            writer.println("padding line " + i);
        }
    }
}
