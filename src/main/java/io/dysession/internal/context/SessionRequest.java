package io.dysession.internal.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import io.dysession.internal.store.SessionDelta;
import io.dysession.internal.store.SessionKey;
import io.dysession.internal.store.SessionLogin;
import io.dysession.internal.store.StoredSession;

/**
 * One request's view of its session: the id the client sent (if well-formed), the item loaded
 * lazily on first use, the bean instances materialized in this request, and what the request
 * did to the session (invalidate, rotate the id, change the timeout, log in or out). The save is
 * {@link SessionSave}'s.
 */
public final class SessionRequest {

    private final SessionEnvironment env;
    private final String candidateId;
    private final Instant started;
    private final RequestBeans beans;
    private final RequestState state = new RequestState();
    private final SessionSave save;
    private final boolean locking;
    private boolean loaded;

    SessionRequest(SessionEnvironment env, String candidateId, boolean locking) {
        this.env = env;
        this.locking = locking;
        this.candidateId = SessionId.isWellFormed(candidateId) ? candidateId : null;
        this.started = env.clock().instant();
        this.beans = new RequestBeans(env.codec(), env.onIncompatibleState(), env.names());
        this.save = new SessionSave(env, state, beans);
    }

    /** The session id; issues a new one (stored at the next save) when the request has no valid session. */
    public String id() {
        load();
        if (state.id == null) {
            state.id = SessionId.generate();
        }
        return state.id;
    }

    public boolean isNew() {
        load();
        return state.stored == null || state.createdHere;
    }

    public Instant createdAt() {
        load();
        return state.stored == null ? started : Instant.ofEpochMilli(state.stored.created());
    }

    public Instant lastAccessedAt() {
        load();
        return state.stored == null ? started : Instant.ofEpochMilli(state.stored.accessed());
    }

    public Duration timeout() {
        load();
        Duration configured = env.timing().timeout();
        return state.newTimeout != null ? state.newTimeout
                : state.stored == null ? configured : state.stored.idleTimeout(configured);
    }

    public void setTimeout(Duration timeout) {
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("A session timeout must be at least one second, not " + timeout);
        }
        load();
        state.newTimeout = timeout;
    }

    /** The session's public digest (its handle); like {@link #id()}, issues an id when there is no session. */
    public String handle() {
        String id = id();
        return state.stored != null && !state.rotated ? state.stored.key().handle() : env.store().keyOf(id).handle();
    }

    /** The key of the session the request has stored, or null: never creates one. */
    public SessionKey storedKey() {
        load();
        return state.stored == null ? null : state.stored.key();
    }

    /** The login the session holds, as this request left it. */
    public Optional<SessionLogin> login() {
        load();
        if (state.loginChange != null) {
            return Optional.ofNullable(state.loginChange.login());
        }
        return Optional.ofNullable(state.stored == null ? null : state.stored.login());
    }

    /** Keeps a login with the session, stored with the request's other changes, and rotates the id (fixation). */
    public void logIn(SessionLogin login) {
        rotateId();
        state.loginChange = new SessionDelta.LoginChange(login);
    }

    /** Ends the session's login at the save; the session and its beans stay. */
    public void logOut() {
        if (login().isPresent()) {
            state.loginChange = new SessionDelta.LoginChange(null);
        }
    }

    /** Ends the session now: {@code @PreDestroy} on this request's beans; the item is deleted at the save. */
    public void invalidate() {
        load();
        if (state.stored != null) {
            env.events().ending(state.stored.key().handle());
            env.counters().invalidated();
            state.ended = state.stored.key();
        }
        beans.destroyAll();
        state.clear();
    }

    /** A new id for the same state; the old id stops working when the request saves. */
    public String rotateId() {
        load();
        state.rotated = state.stored != null;
        state.id = SessionId.generate();
        return state.id;
    }

    <T> T get(Contextual<T> contextual) {
        return beans.get(contextual);
    }

    <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        T existing = beans.get(contextual);
        if (existing != null || creationalContext == null) {
            return existing;
        }
        load();
        return beans.create(contextual, creationalContext, state.stored,
                state.stored == null ? "(new)" : state.stored.key().logRef());
    }

    void destroy(Contextual<?> contextual) {
        if (!beans.destroy(contextual)) {
            load();
            beans.removeStored(contextual, state.stored);
        }
    }

    /**
     * Writes what changed ({@link SessionSave}) and says what the client's cookie must learn.
     *
     * @param canSetCookie false once the response is committed: a new id could no longer reach the client
     */
    public synchronized SessionChange save(boolean canSetCookie) {
        return save.save(canSetCookie);
    }

    /**
     * Releases the dependents of this request's instances (the instances themselves live on in
     * DynamoDB), and the session's lock if the request still holds it: it ended without saving.
     */
    public synchronized void release() {
        beans.release();
        save.unlock();
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (candidateId == null) {
            return;
        }
        long now = env.clock().millis();
        String owner = locking ? SessionId.generate() : null;
        StoredSession found = (locking ? env.store().lock(candidateId, owner) : env.store().find(candidateId))
                .orElse(null);
        if (found != null && !found.liveAt(now, env.timing())) {
            env.counters().expiredOnRead();
            env.events().ending(found.key().handle());
            env.events().ended(found.key().handle());
            found = null;
        } else if (found != null) {
            env.counters().loaded();
        }
        state.stored = found;
        state.lockOwner = found == null ? null : owner;
        // An unknown or expired id is never adopted: id() will issue a fresh one.
        state.id = found == null ? null : candidateId;
        state.candidateRejected = found == null;
    }
}
