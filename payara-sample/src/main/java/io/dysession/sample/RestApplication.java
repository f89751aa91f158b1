package io.dysession.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JSON API, under /api. */
@ApplicationPath("api")
public class RestApplication extends Application {

    /** A request body that JSON-B cannot read is the client's mistake: 400, not Payara's 500 page. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {

        @Override
        public Response toResponse(ProcessingException e) {
            return CartResource.error(Response.Status.BAD_REQUEST,
                    "The request body is not JSON of the expected shape.");
        }
    }
}
