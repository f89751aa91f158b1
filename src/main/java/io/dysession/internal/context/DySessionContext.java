package io.dysession.internal.context;

import java.lang.annotation.Annotation;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Vetoed;

import io.dysession.DySessionScoped;

/**
 * The {@link DySessionScoped} context: active on a thread while a request is bound to it, and
 * backed by that request's {@link SessionRequest}. It does not know how state is stored.
 */
@Vetoed
public final class DySessionContext implements AlterableContext {

    /** What the filter, the interceptor and the beans say when used before the deployment finished. */
    public static final String NOT_STARTED = "dysession is not started: its extension did not finish deployment.";

    private final ThreadLocal<SessionRequest> current = new ThreadLocal<>();
    private volatile SessionEnvironment environment;

    /** Called once the deployment is validated and the store is ready. */
    public void configure(SessionEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Binds a new request's session to this thread until the binding is closed; {@code clientId} is
     * whatever the client sent, or null. The one way in for the filter and for tests without a servlet container.
     */
    public Binding bind(String clientId) {
        return bind(request(clientId, true));
    }

    /**
     * A new request's session, not yet bound (the login interceptor runs before the filter).
     *
     * @param locking  whether the request takes the session's lock when it loads it (serialized mode only)
     */
    public SessionRequest request(String clientId, boolean locking) {
        SessionEnvironment env = environment;
        if (env == null) {
            throw new IllegalStateException(NOT_STARTED);
        }
        return new SessionRequest(env, clientId, locking && env.serialized());
    }

    /** Binds a suspended request's session to this thread again (an async dispatch of the same request). */
    public Binding bind(SessionRequest request) {
        current.set(request);
        return new Binding(request);
    }

    /** A request's session bound to this thread; closing it unbinds it and, unless kept, releases its instances. */
    public final class Binding implements AutoCloseable {

        private final SessionRequest request;
        private boolean kept;

        private Binding(SessionRequest request) {
            this.request = request;
        }

        public SessionRequest request() {
            return request;
        }

        /** The request went async and goes on elsewhere: closing only unbinds it from this thread. */
        public void keep() {
            kept = true;
        }

        public boolean kept() {
            return kept;
        }

        @Override
        public void close() {
            current.remove();
            if (!kept) {
                request.release();
            }
        }
    }

    public SessionRequest current() {
        SessionRequest request = current.get();
        if (request == null) {
            // Thread local not set: no dysession filter is handling a request on this thread.
            throw new ContextNotActiveException("@DySessionScoped is not active on thread '"
                    + Thread.currentThread().getName() + "': it is active only while the dysession filter "
                    + "handles an HTTP request on that thread, not on threads the application starts itself.");
        }
        return request;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return DySessionScoped.class;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return current().get(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return current().get(contextual);
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        current().destroy(contextual);
    }
}
