package io.dysession.internal;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;

import io.dysession.DySessionScoped;
import io.dysession.internal.context.SessionEvents;

/**
 * Fires {@code @Initialized}, {@code @BeforeDestroyed} and {@code @Destroyed(DySessionScoped.class)}
 * with the session's public digest as payload.
 */
final class CdiSessionEvents implements SessionEvents {

    private final Event<Object> initialized;
    private final Event<Object> beforeDestroyed;
    private final Event<Object> destroyed;

    CdiSessionEvents(BeanManager beanManager) {
        Event<Object> events = beanManager.getEvent();
        this.initialized = events.select(Initialized.Literal.of(DySessionScoped.class));
        this.beforeDestroyed = events.select(BeforeDestroyed.Literal.of(DySessionScoped.class));
        this.destroyed = events.select(Destroyed.Literal.of(DySessionScoped.class));
    }

    @Override
    public void started(String publicDigest) {
        initialized.fire(publicDigest);
    }

    @Override
    public void ending(String publicDigest) {
        beforeDestroyed.fire(publicDigest);
    }

    @Override
    public void ended(String publicDigest) {
        destroyed.fire(publicDigest);
    }
}
