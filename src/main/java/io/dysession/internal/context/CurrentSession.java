package io.dysession.internal.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    @Override
    public Instant createdAt() {
        return context.current().createdAt();
    }

    @Override
    public Instant lastAccessedAt() {
        return context.current().lastAccessedAt();
    }

    @Override
    public boolean isNew() {
        return context.current().isNew();
    }

    @Override
    public Duration timeout() {
        return context.current().timeout();
    }

    @Override
    public void setTimeout(Duration timeout) {
        context.current().setTimeout(timeout);
    }

    @Override
    public void invalidate() {
        context.current().invalidate();
    }

    @Override
    public String rotateId() {
        return context.current().rotateId();
    }

    @Override
    public Optional<String> caller() {
        return context.current().login().map(login -> login.caller());
    }

    @Override
    public String handle() {
        return context.current().handle();
    }

    @Override
    public String toString() {
        return "DySession of the current request";
    }
}
