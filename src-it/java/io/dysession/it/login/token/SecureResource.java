package io.dysession.it.login.token;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /secure/admin} for group admin, {@code GET /secure/user} for group user. */
@Path("")
public class SecureResource {

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin(@Context SecurityContext security) {
        return "admin " + security.getUserPrincipal().getName();
    }

    @GET
    @Path("user")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String user(@Context SecurityContext security) {
        return "user " + security.getUserPrincipal().getName();
    }
}
