package io.dysession.it.app;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /async-dispatch}: goes async, then lets the container dispatch to {@code /count}. */
@WebServlet(urlPatterns = "/async-dispatch", asyncSupported = true)
public class AsyncDispatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.start(() -> async.dispatch("/count"));
    }
}
