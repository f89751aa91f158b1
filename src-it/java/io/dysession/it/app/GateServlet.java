package io.dysession.it.app;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /gate?name=NAME&action=arrived} answers once the held request has reached the gate
 * (504 if it does not within a minute); {@code action=open} lets it go on. Uses no session bean.
 */
@WebServlet("/gate")
public class GateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Gates gate = Gates.named(request.getParameter("name"));
        switch (String.valueOf(request.getParameter("action"))) {
            case "arrived" -> {
                try {
                    if (!gate.awaitArrival()) {
                        response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT, "nothing arrived at the gate");
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                TextResponses.write(response, "arrived");
            }
            case "open" -> {
                gate.open();
                TextResponses.write(response, "open");
            }
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, "action is arrived or open");
        }
    }
}
