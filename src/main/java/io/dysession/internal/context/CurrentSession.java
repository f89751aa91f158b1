package io.dysession.internal.context;

import jakarta.enterprise.inject.Vetoed;

import io.dysession.DySession;

/**
 * The injectable {@link DySession}: every call goes to the session of the request bound to the calling thread.
 */
@Vetoed
public final class CurrentSession implements DySession {

    private final DySessionContext context;

    public CurrentSession(DySessionContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return context.current().id();
    }
}
