package io.dysession.internal.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import io.dysession.internal.store.SaveResult;
import io.dysession.internal.store.SessionDelta;
import io.dysession.internal.store.SessionKeys;
import io.dysession.internal.store.SessionLogin;
import io.dysession.internal.store.StoredSession;

/**
 * One request's view of its session: the id the client sent (if well-formed), the item loaded
 * lazily on first use, the bean instances materialized in this request, and what the request
 * did to the session (invalidate, rotate the id, change the timeout).
 */
public final class SessionRequest {

    private static final Logger LOG = Logger.getLogger(SessionRequest.class.getName());

    private final SessionEnvironment env;
    private final String candidateId;
    private final Instant started;
    private final RequestBeans beans;
    private boolean loaded;
    private String id;
    private StoredSession stored;
    private boolean createdHere;
    private boolean candidateRejected;
    private String endedKey;
    private boolean rotated;
    private Duration newTimeout;
    private SessionDelta.LoginChange loginChange;

    SessionRequest(SessionEnvironment env, String candidateId) {
        this.env = env;
        this.candidateId = SessionId.isWellFormed(candidateId) ? candidateId : null;
        this.started = env.clock().instant();
        this.beans = new RequestBeans(env.codec(), env.onIncompatibleState());
    }

    /** The session id; issues a new one (stored at the next save) when the request has no valid session. */
    public String id() {
        load();
        if (id == null) {
            id = SessionId.generate();
        }
        return id;
    }

    public boolean isNew() {
        load();
        return stored == null || createdHere;
    }

    public Instant createdAt() {
        load();
        return stored == null ? started : Instant.ofEpochMilli(stored.created());
    }

    public Instant lastAccessedAt() {
        load();
        return stored == null ? started : Instant.ofEpochMilli(stored.accessed());
    }

    public Duration timeout() {
        load();
        Duration configured = env.timing().timeout();
        return newTimeout != null ? newTimeout : stored == null ? configured : stored.idleTimeout(configured);
    }

    public void setTimeout(Duration timeout) {
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("A session timeout must be at least one second, not " + timeout);
        }
        load();
        newTimeout = timeout;
    }

    /** The session's public digest (its handle); like {@link #id()}, issues an id when there is no session. */
    public String handle() {
        return keys().publicDigest(keys().keyOf(id()));
    }

    /** The key of the session the request has stored, or null: never creates one. */
    public String storedKey() {
        load();
        return stored == null ? null : stored.key();
    }

    /** The login the session holds, as this request left it. */
    public Optional<SessionLogin> login() {
        load();
        if (loginChange != null) {
            return Optional.ofNullable(loginChange.login());
        }
        return Optional.ofNullable(stored == null ? null : stored.login());
    }

    /** Keeps a login with the session, stored with the request's other changes, and rotates the id (fixation). */
    public void logIn(SessionLogin login) {
        rotateId();
        loginChange = new SessionDelta.LoginChange(login);
    }

    /** Ends the session's login at the save; the session and its beans stay. */
    public void logOut() {
        if (login().isPresent()) {
            loginChange = new SessionDelta.LoginChange(null);
        }
    }

    /** Ends the session now: {@code @PreDestroy} on this request's beans; the item is deleted at the save. */
    public void invalidate() {
        load();
        if (stored != null) {
            env.events().ending(keys().publicDigest(stored.key()));
            env.counters().invalidated();
            endedKey = stored.key();
        }
        beans.destroyAll();
        stored = null;
        id = null;
        rotated = false;
        newTimeout = null;
        loginChange = null;
    }

    /** A new id for the same state; the old id stops working when the request saves. */
    public String rotateId() {
        load();
        rotated = stored != null;
        id = SessionId.generate();
        return id;
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
        return beans.create(contextual, creationalContext, stored, logSafePrefix());
    }

    void destroy(Contextual<?> contextual) {
        if (!beans.destroy(contextual)) {
            load();
            beans.removeStored(contextual, stored);
        }
    }

    /**
     * Writes what changed, as the store's write rules say: a new session, the changed beans of an
     * existing one, a touch when only the expiry is due, a rotation; an invalidated session is deleted.
     *
     * @param canSetCookie false once the response is committed: a new id could no longer reach the client
     */
    public synchronized SessionChange save(boolean canSetCookie) {
        boolean ended = deleteEnded();
        Map<String, String> changed = beans.changed();
        if (stored != null) {
            return saveExisting(changed, rotated && canSetCookie);
        }
        if (changed.isEmpty() && id == null) {
            // An unknown or expired id is cleared, so that the client stops costing a GetItem per request.
            return ended || candidateRejected ? SessionChange.ENDED : SessionChange.NONE;
        }
        if (!canSetCookie) {
            LOG.warning(() -> "dysession could not start a session for beans " + changed.keySet()
                    + ": the response was already committed, so no cookie could be sent. Change session beans "
                    + "before writing the response body.");
            return SessionChange.NONE;
        }
        String newId = id();
        stored = env.store().save(null, delta(keys().keyOf(newId), changed)).session();
        createdHere = true;
        loginChange = null;
        env.counters().created();
        beans.saved(changed);
        env.events().started(keys().publicDigest(stored.key()));
        return new SessionChange(SessionChange.Kind.STARTED, newId);
    }

    /** Releases the dependents of this request's instances; the instances themselves live on in DynamoDB. */
    public synchronized void release() {
        beans.release();
    }

    private boolean deleteEnded() {
        if (endedKey == null) {
            return false;
        }
        env.store().delete(endedKey);
        env.events().ended(keys().publicDigest(endedKey));
        endedKey = null;
        return true;
    }

    private SessionChange saveExisting(Map<String, String> changed, boolean rotating) {
        SaveResult result = env.store().save(stored, delta(rotating ? keys().keyOf(id) : stored.key(), changed));
        switch (result.kind()) {
            case GONE, UNCHANGED -> {
                // A session deleted while this request rotated it has ended; else the client keeps its id.
                boolean ended = rotating && result.kind() == SaveResult.Kind.GONE;
                stored = ended ? null : stored;
                return ended ? SessionChange.ENDED : SessionChange.NONE;
            }
            case SAVED -> env.counters().saved();
            case TOUCHED -> env.counters().touched();
            case ROTATED, CREATED -> rotated = false;
        }
        stored = result.session();
        beans.saved(changed);
        newTimeout = null;
        loginChange = null;
        return new SessionChange(rotating ? SessionChange.Kind.ROTATED : SessionChange.Kind.SAVED, id);
    }

    private SessionDelta delta(String key, Map<String, String> changed) {
        return new SessionDelta(key, changed, beans.removed(), newTimeout, loginChange);
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
        StoredSession found = env.store().find(keys().keyOf(candidateId)).orElse(null);
        if (found != null && (found.isExpiredAt(now) || env.timing().outlived(found.created(), now))) {
            String digest = keys().publicDigest(found.key());
            env.counters().expiredOnRead();
            env.events().ending(digest);
            env.events().ended(digest);
            found = null;
        } else if (found != null) {
            env.counters().loaded();
        }
        stored = found;
        // An unknown or expired id is never adopted: id() will issue a fresh one.
        id = stored == null ? null : candidateId;
        candidateRejected = stored == null;
    }

    // A short, non-secret reference for logs: the start of the digest, never the id.
    private String logSafePrefix() {
        return stored == null ? "(new)" : keys().logSafePrefix(stored.key());
    }

    private SessionKeys keys() {
        return env.store().keys();
    }
}
