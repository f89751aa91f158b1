package io.dysession.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page a person clicks through: catalog, cart and checkout on one page. Forms POST to
 * /cart/... and /checkout/...; an accepted POST redirects back to the page (POST-redirect-GET),
 * a rejected one shows the page again with the problems and what was typed.
 */
@WebServlet(urlPatterns = {"", "/cart/*", "/checkout/*"})
public class ShopPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int SC_UNPROCESSABLE_CONTENT = 422;
    private static final DateTimeFormatter PLACED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What a rejected POST shows: a message, problems per field, and the input to fill in again. */
    private record Feedback(String message, Map<String, String> problems, Checkout.Contact contact,
                            Checkout.Shipping shipping) {

        static final Feedback NONE = new Feedback(null, Map.of(), null, null);
        static final Feedback UNKNOWN_ACTION = of("Unknown action.");

        static Feedback of(String message) {
            return new Feedback(message, Map.of(), null, null);
        }
    }

    @Inject
    Catalog catalog;

    @Inject
    Cart cart;

    @Inject
    Checkout checkout;

    @Inject
    ServedBy servedBy;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().isEmpty()) {
            resp.sendRedirect(req.getContextPath() + "/");
            return;
        }
        render(req, resp, HttpServletResponse.SC_OK, Feedback.NONE);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Feedback feedback;
        try {
            feedback = perform(action, req);
        } catch (Checkout.Conflict e) {
            feedback = Feedback.of(e.getMessage());
        }
        if (feedback == Feedback.UNKNOWN_ACTION) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (feedback == null) {
            resp.sendRedirect(req.getContextPath() + "/");
        } else {
            render(req, resp, SC_UNPROCESSABLE_CONTENT, feedback);
        }
    }

    /** Carries out a form's action: null when it was accepted, else what to show. */
    private Feedback perform(String action, HttpServletRequest req) {
        switch (action) {
            case "/cart/add":
                return addToCart(req);
            case "/cart/remove":
                cart.remove(req.getParameter("sku"));
                return null;
            case "/checkout/contact":
                return submitContact(req);
            case "/checkout/shipping":
                return submitShipping(req);
            case "/checkout/order":
                checkout.placeOrder(cart);
                return null;
            case "/checkout/back":
                checkout.back();
                return null;
            case "/checkout/restart":
                checkout.restart();
                return null;
            default:
                return Feedback.UNKNOWN_ACTION;
        }
    }

    private Feedback addToCart(HttpServletRequest req) {
        var product = catalog.find(req.getParameter("sku"));
        if (product.isEmpty()) {
            return Feedback.of("That product is not in the catalog.");
        }
        try {
            cart.add(product.get(), Integer.parseInt(req.getParameter("quantity")));
            return null;
        } catch (NumberFormatException e) {
            return Feedback.of("The quantity must be a whole number.");
        } catch (IllegalArgumentException e) {
            return Feedback.of(e.getMessage());
        }
    }

    private Feedback submitContact(HttpServletRequest req) {
        var input = new Checkout.Contact();
        input.setName(req.getParameter("name"));
        input.setEmail(req.getParameter("email"));
        var problems = checkout.submitContact(input);
        return problems.isEmpty() ? null : new Feedback(null, problems, input, null);
    }

    private Feedback submitShipping(HttpServletRequest req) {
        var input = new Checkout.Shipping();
        input.setStreet(req.getParameter("street"));
        input.setCity(req.getParameter("city"));
        input.setPostalCode(req.getParameter("postalCode"));
        input.setCountry(req.getParameter("country"));
        input.setMethod("EXPRESS".equals(req.getParameter("method"))
                ? Checkout.ShippingMethod.EXPRESS : Checkout.ShippingMethod.STANDARD);
        var problems = checkout.submitShipping(input);
        return problems.isEmpty() ? null : new Feedback(null, problems, null, input);
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, int status, Feedback feedback)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.print("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>dysession sample shop</title>
                <base href="%s/">
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
                  section { border: 1px solid #ccc; border-radius: .5rem; padding: 0 1rem 1rem; margin-bottom: 1rem; }
                  table { border-collapse: collapse; width: 100%%; } td, th { padding: .3rem; text-align: left; }
                  .num { text-align: right; } .problem { color: #b00020; } .steps b { text-decoration: underline; }
                  label { display: block; margin: .4rem 0; } form.inline { display: inline; }
                </style></head><body>
                <h1>Tea shop</h1>
                <p>The cart and the checkout below live in <code>@DySessionScoped</code> beans, stored in DynamoDB.</p>
                """.formatted(esc(req.getContextPath())));
        renderServedBy(req, out);
        if (feedback.message() != null) {
            out.printf("<p class=\"problem\" role=\"alert\">%s</p>%n", esc(feedback.message()));
        }
        renderCatalog(out);
        renderCart(out);
        renderCheckout(out, feedback);
        out.print("</body></html>\n");
    }

    private void renderServedBy(HttpServletRequest req, PrintWriter out) {
        out.printf("<p id=\"served-by\">Served by instance <b>%s</b>.", esc(servedBy.instance(req)));
        String digest = servedBy.sessionDigestPrefix();
        out.print(digest == null ? " No session stored yet."
                : " Session stored under key <code>" + esc(digest) + "&hellip;</code> (SHA-256 of the id; the id"
                + " itself is never stored).");
        String other = servedBy.otherInstance();
        if (other != null) {
            out.printf(" <a id=\"other-instance\" href=\"%s\">The same session on the other instance</a>",
                    esc(other));
        }
        out.print("</p>\n");
        renderDynamoDbCalls(out);
    }

    /**
     * The DynamoDB calls this request made and the stored item's size. The page is written before
     * the session is saved, so the server cannot print them here; dysession sends them in the
     * Server-Timing header (dysession.server-timing=true), and the browser hands them to this script.
     */
    private static void renderDynamoDbCalls(PrintWriter out) {
        out.print("""
                <p id="dynamodb">DynamoDB calls this request made: <span id="dynamodb-calls">(they need
                dysession.server-timing=true and a browser that runs scripts)</span>.
                Stored item: <span id="dynamodb-item">not read or written in full by this request</span>.</p>
                <script>
                  const timing = performance.getEntriesByType('navigation')[0]?.serverTiming ?? [];
                  const calls = timing.filter(entry => entry.name.startsWith('dynamodb-'))
                      .map(entry => `${entry.description} (${entry.duration.toFixed(1)} ms)`);
                  document.getElementById('dynamodb-calls').textContent = calls.length ? calls.join(', ') : 'none';
                  const item = timing.find(entry => entry.name === 'dysession-item');
                  if (item) {
                    document.getElementById('dynamodb-item').textContent = item.description;
                  }
                </script>
                """);
    }

    private void renderCatalog(PrintWriter out) {
        out.print("<section><h2>Products</h2><table>\n");
        for (var product : catalog.all()) {
            out.printf("""
                    <tr><td>%s</td><td class="num">%s</td>
                    <td><form class="inline" method="post" action="cart/add"><input type="hidden" name="sku" value="%s">
                    <input type="number" name="quantity" value="1" min="1" max="%d" aria-label="Quantity of %s">
                    <button>Add to cart</button></form></td></tr>
                    """, esc(product.name()), money(product.priceCents()), esc(product.sku()), Cart.MAX_QUANTITY,
                    esc(product.name()));
        }
        out.print("</table></section>\n");
    }

    private void renderCart(PrintWriter out) {
        out.print("<section><h2>Cart</h2>\n");
        if (cart.getLines().isEmpty()) {
            out.print("<p>Your cart is empty.</p></section>\n");
            return;
        }
        out.print("""
                <table><tr><th>Product</th><th class="num">Quantity</th><th class="num">Price</th><th></th></tr>
                """);
        for (var line : cart.getLines()) {
            out.printf("""
                    <tr><td>%s</td><td class="num">%d</td><td class="num">%s</td>
                    <td><form class="inline" method="post" action="cart/remove">
                    <input type="hidden" name="sku" value="%s"><button>Remove</button></form></td></tr>
                    """, esc(line.getName()), line.getQuantity(), money(line.totalCents()), esc(line.getSku()));
        }
        out.printf("""
                <tr><th>Total</th><th class="num">%d</th><th class="num">%s</th><th></th></tr></table></section>
                """, cart.itemCount(), money(cart.totalCents()));
    }

    private void renderCheckout(PrintWriter out, Feedback feedback) {
        var step = checkout.getStep();
        out.print("<section><h2>Checkout</h2><p class=\"steps\">");
        String[] names = {"1. Contact", "2. Shipping", "3. Review"};
        for (int i = 0; i < names.length; i++) {
            out.print(i == step.ordinal() ? "<b>" + names[i] + "</b>" : names[i]);
            out.print(i < names.length - 1 ? " &rarr; " : "</p>\n");
        }
        switch (step) {
            case CONTACT -> renderContactForm(out, feedback);
            case SHIPPING -> renderShippingForm(out, feedback);
            case REVIEW -> renderReview(out);
            case DONE -> renderOrder(out);
        }
        out.print("</section>\n");
    }

    private void renderContactForm(PrintWriter out, Feedback feedback) {
        var contact = feedback.contact() != null ? feedback.contact() : checkout.getContact();
        out.print("<form method=\"post\" action=\"checkout/contact\">\n");
        field(out, "Name", "name", "text", contact.getName(), feedback);
        field(out, "E-mail", "email", "email", contact.getEmail(), feedback);
        out.print("<button>Next</button></form>\n");
    }

    private void renderShippingForm(PrintWriter out, Feedback feedback) {
        var shipping = feedback.shipping() != null ? feedback.shipping() : checkout.getShipping();
        out.print("<form method=\"post\" action=\"checkout/shipping\">\n");
        field(out, "Street and number", "street", "text", shipping.getStreet(), feedback);
        field(out, "City", "city", "text", shipping.getCity(), feedback);
        field(out, "Postal code", "postalCode", "text", shipping.getPostalCode(), feedback);
        field(out, "Country", "country", "text", shipping.getCountry(), feedback);
        boolean express = shipping.getMethod() == Checkout.ShippingMethod.EXPRESS;
        out.printf("""
                <label><input type="radio" name="method" value="STANDARD"%s> Standard (free)</label>
                <label><input type="radio" name="method" value="EXPRESS"%s> Express (%s)</label>
                <button>Next</button></form>
                """, express ? "" : " checked", express ? " checked" : "",
                money(Checkout.ShippingMethod.EXPRESS.priceCents()));
        backButton(out);
    }

    private void renderReview(PrintWriter out) {
        var contact = checkout.getContact();
        var shipping = checkout.getShipping();
        out.printf("""
                <p>%s &lt;%s&gt;<br>%s, %s %s, %s<br>%s shipping</p>
                <p>Items %s + shipping %s = <strong>%s</strong></p>
                <form method="post" action="checkout/order"><button>Place order</button></form>
                """, esc(contact.getName()), esc(contact.getEmail()), esc(shipping.getStreet()),
                esc(shipping.getPostalCode()), esc(shipping.getCity()), esc(shipping.getCountry()),
                shipping.getMethod().name().toLowerCase(), money(cart.totalCents()),
                money(shipping.getMethod().priceCents()),
                money(cart.totalCents() + shipping.getMethod().priceCents()));
        backButton(out);
    }

    private void renderOrder(PrintWriter out) {
        var order = checkout.getOrder();
        out.printf("""
                <p>Thank you! Order <strong>%s</strong> for %s was placed at %s.</p>
                <form method="post" action="checkout/restart"><button>Start over</button></form>
                """, esc(order.getNumber()), money(order.getTotalCents()),
                PLACED_AT.format(order.getPlacedAt()));
    }

    private static void backButton(PrintWriter out) {
        out.print("<form method=\"post\" action=\"checkout/back\"><button>Back</button></form>\n");
    }

    private static void field(PrintWriter out, String label, String name, String type, String value,
                              Feedback feedback) {
        out.printf("<label>%s <input type=\"%s\" name=\"%s\" value=\"%s\" required></label>%n",
                label, type, name, esc(value));
        String problem = feedback.problems().get(name);
        if (problem != null) {
            out.printf("<p class=\"problem\">%s</p>%n", esc(problem));
        }
    }

    private static String money(long cents) {
        return String.format("$%d.%02d", cents / 100, cents % 100);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
