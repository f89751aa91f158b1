package io.dysession.it.cluster.load;

import java.io.IOException;
import java.util.StringJoiner;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The load tests' endpoints; every answer carries the serving JVM's pid in {@code X-Server-Pid}.
 * <ul>
 * <li>{@code POST /tally}: increments the {@link Tally}; answers the state.</li>
 * <li>{@code POST /journal?entry=e}: appends {@code e} to the {@link Journal}; answers the state.</li>
 * <li>{@code GET /state}: the state, {@code tally=N journal=e1,e2,...}; changes nothing.</li>
 * <li>{@code POST /slot?n=7}: increments slot bean {@code n} of {@link Slots} (and no other bean);
 * answers its new value.</li>
 * <li>{@code GET /slots}: the 32 slot values, comma-separated.</li>
 * <li>{@code GET /ping}: {@code pong}, without touching the session (no DynamoDB call).</li>
 * </ul>
 */
@WebServlet({"/tally", "/journal", "/state", "/slot", "/slots", "/ping"})
public class LoadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tally tally;

    @Inject
    Journal journal;

    @Inject
    Instance<Object> beans;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/state" -> write(response, state());
            case "/slots" -> {
                StringJoiner values = new StringJoiner(",");
                for (Class<?> slot : Slots.ALL) {
                    values.add(Integer.toString(((Slot) beans.select(slot).get()).getCount()));
                }
                write(response, values.toString());
            }
            case "/ping" -> write(response, "pong");
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/tally" -> {
                tally.increment();
                write(response, state());
            }
            case "/journal" -> {
                String entry = request.getParameter("entry");
                if (entry == null || entry.isEmpty() || entry.contains(",")) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "entry: a non-empty text without commas");
                    return;
                }
                journal.append(entry);
                write(response, state());
            }
            case "/slot" -> {
                int n;
                try {
                    n = Integer.parseInt(request.getParameter("n"));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0 || n >= Slots.ALL.length) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "n: 0 to " + (Slots.ALL.length - 1));
                    return;
                }
                write(response, Integer.toString(((Slot) beans.select(Slots.ALL[n]).get()).increment()));
            }
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private String state() {
        return "tally=" + tally.getCount() + " journal=" + String.join(",", journal.getEntries());
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Server-Pid", Long.toString(ProcessHandle.current().pid()));
        response.getWriter().write(body);
    }
}
