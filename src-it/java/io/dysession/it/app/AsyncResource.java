package io.dysession.it.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

/** JAX-RS async: the counter is used on the request thread, the response is completed on another. */
@Path("async")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AsyncResource {

    @Inject
    Counter counter;

    @GET
    @Path("suspended")
    public void suspended(@Suspended AsyncResponse response) {
        int count = counter.increment();
        CompletableFuture.runAsync(() -> response.resume(Integer.toString(count)));
    }

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
        int count = counter.increment();
        return CompletableFuture.supplyAsync(() -> Integer.toString(count));
    }
}
