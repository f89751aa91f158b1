package io.dysession.sample;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The catalog and the cart as JSON. */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {

    /** Response body: the cart's lines with its totals. */
    public record CartView(List<Cart.Line> lines, int itemCount, long totalCents) {
    }

    /** Request body of POST /api/cart/items; the quantity defaults to 1. */
    public record AddItem(String sku, Integer quantity) {
    }

    @Inject
    Catalog catalog;

    @Inject
    Cart cart;

    @GET
    @Path("products")
    public List<Catalog.Product> products() {
        return catalog.all();
    }

    @GET
    @Path("cart")
    public CartView cart() {
        return view();
    }

    @POST
    @Path("cart/items")
    public Response add(AddItem item) {
        if (item == null || item.sku() == null) {
            return error(Status.BAD_REQUEST, "Send {\"sku\": \"...\", \"quantity\": n}.");
        }
        var product = catalog.find(item.sku());
        if (product.isEmpty()) {
            return error(Status.BAD_REQUEST, "No product has the SKU " + item.sku() + ".");
        }
        try {
            cart.add(product.get(), item.quantity() == null ? 1 : item.quantity());
        } catch (IllegalArgumentException e) {
            return error(Status.BAD_REQUEST, e.getMessage());
        }
        return Response.ok(view()).build();
    }

    @DELETE
    @Path("cart/items/{sku}")
    public Response remove(@PathParam("sku") String sku) {
        if (!cart.remove(sku)) {
            return error(Status.NOT_FOUND, "The cart holds no " + sku + ".");
        }
        return Response.ok(view()).build();
    }

    private CartView view() {
        return new CartView(cart.getLines(), cart.itemCount(), cart.totalCents());
    }

    static Response error(Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
    }
}
