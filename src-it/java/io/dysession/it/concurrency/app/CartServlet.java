package io.dysession.it.concurrency.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /cart?item=ITEM} appends to the session's {@link Cart}; {@code GET /cart} changes
 * nothing. Both answer the items, comma-separated.
 */
@WebServlet("/cart")
public class CartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Cart cart;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.text(response, String.join(",", cart.getItems()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String item = request.getParameter("item");
        if (item == null || item.isEmpty() || item.contains(",")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "item: a non-empty text without commas");
            return;
        }
        cart.add(item);
        doGet(request, response);
    }
}
