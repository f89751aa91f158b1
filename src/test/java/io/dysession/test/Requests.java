package io.dysession.test;

import java.util.List;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import io.dysession.internal.DySessionExtension;
import io.dysession.internal.context.SessionChange;
import io.dysession.internal.context.DySessionContext;

/**
 * Runs "requests" through the session context on the filter's own way in ({@code DySessionContext.bind}:
 * bind, work, save, unbind), without a servlet container, and reports the cookie and DynamoDB calls of each.
 */
public final class Requests {

    private final DySessionContext context;

    @Inject
    public Requests(BeanManager beanManager) {
        this.context = beanManager.getExtension(DySessionExtension.class).runtime().context();
    }

    /**
     * One request carrying {@code cookie} (null for none).
     *
     * @return the Set-Cookie id (null when none is sent) and the DynamoDB operations made
     */
    public Response send(String cookie, Runnable work) {
        return send(cookie, true, work);
    }

    /**
     * One request carrying {@code cookie}; with {@code dysession.concurrency=serialized}, {@code locking}
     * says whether it takes the session's lock (as a POST does) or reads without it (a GET).
     */
    public Response send(String cookie, boolean locking, Runnable work) {
        DynamoDbCalls.reset();
        try (DySessionContext.Binding binding = context.bind(context.request(cookie, locking))) {
            work.run();
            SessionChange change = binding.request().save(true);
            return new Response(sendsId(change) ? change.id() : null, change.kind(), DynamoDbCalls.operations());
        }
    }

    private static boolean sendsId(SessionChange change) {
        return change.kind() == SessionChange.Kind.STARTED || change.kind() == SessionChange.Kind.ROTATED;
    }

    /**
     * What a request did: the id it sends the client (new or rotated session; null otherwise), what
     * happened to the session, and its DynamoDB operations.
     */
    public record Response(String setCookie, SessionChange.Kind change, List<String> calls) {
    }
}
