package io.dysession.sample;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The checkout wizard as JSON. Every call answers with the wizard's state; a submit with
 * invalid input answers 400 with the problems per field, one that does not fit the current step 409.
 */
@RequestScoped
@Path("checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    /** Response body: the wizard's state. */
    public record CheckoutView(Checkout.Step step, Checkout.Contact contact, Checkout.Shipping shipping,
                               Checkout.Order order) {
    }

    @Inject
    Checkout checkout;

    @Inject
    Cart cart;

    @GET
    public CheckoutView state() {
        return view();
    }

    @POST
    @Path("contact")
    public Response contact(Checkout.Contact input) {
        return submit(() -> checkout.submitContact(input == null ? new Checkout.Contact() : input));
    }

    @POST
    @Path("shipping")
    public Response shipping(Checkout.Shipping input) {
        return submit(() -> checkout.submitShipping(input == null ? new Checkout.Shipping() : input));
    }

    @POST
    @Path("order")
    public Response placeOrder() {
        return submit(() -> {
            checkout.placeOrder(cart);
            return Map.of();
        });
    }

    @POST
    @Path("back")
    public Response back() {
        return submit(() -> {
            checkout.back();
            return Map.of();
        });
    }

    @DELETE
    public CheckoutView restart() {
        checkout.restart();
        return view();
    }

    private Response submit(Supplier<Map<String, String>> action) {
        Map<String, String> problems;
        try {
            problems = action.get();
        } catch (Checkout.Conflict e) {
            return CartResource.error(Status.CONFLICT, e.getMessage());
        }
        if (!problems.isEmpty()) {
            return Response.status(Status.BAD_REQUEST).entity(Map.of("problems", problems)).build();
        }
        return Response.ok(view()).build();
    }

    private CheckoutView view() {
        return new CheckoutView(checkout.getStep(), checkout.getContact(), checkout.getShipping(),
                checkout.getOrder());
    }
}
