package io.dysession.internal.context;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;

import io.dysession.DySessionConflictException;
import io.dysession.internal.codec.IncompatibleStateException;
import io.dysession.internal.store.StoredSession;
import io.dysession.internal.store.WriteGuard;
import io.dysession.internal.store.WriteOutcome;

/**
 * One request's view of its session: the id the client sent (if well-formed), the item loaded
 * lazily on first use, the bean instances materialized in this request, and what the request
 * did to the session (invalidate, rotate the id, change the timeout).
 */
public final class SessionRequest {

    private static final Logger LOG = Logger.getLogger(SessionRequest.class.getName());
    private static final int MAX_ATTEMPTS = 5;

    private final SessionEnvironment env;
    private final String candidateId;
    private final Instant started;
    private final Map<String, Materialized<?>> beans = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private boolean loaded;
    private String id;
    private StoredSession stored;
    private boolean createdHere;
    private boolean candidateRejected;
    private String endedKey;
    private String rotatedFromKey;
    private Duration newTimeout;

    SessionRequest(SessionEnvironment env, String candidateId) {
        this.env = env;
        this.candidateId = SessionId.isWellFormed(candidateId) ? candidateId : null;
        this.started = env.clock().instant();
    }

    // ---- the DySession operations

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
        if (newTimeout != null) {
            return newTimeout;
        }
        return stored != null && stored.timeout() > 0 ? Duration.ofSeconds(stored.timeout()) : env.timeout();
    }

    public void setTimeout(Duration timeout) {
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("A session timeout must be at least one second, not " + timeout);
        }
        load();
        newTimeout = timeout;
    }

    /** Ends the session now: {@code @PreDestroy} on this request's beans; the item is deleted at the save. */
    public void invalidate() {
        load();
        if (stored != null) {
            env.events().ending(env.handle(stored.key()));
            env.store().statistics().invalidated();
            endedKey = stored.key();
        }
        for (Materialized<?> materialized : beans.values()) {
            materialized.destroy();
        }
        beans.clear();
        removed.clear();
        stored = null;
        id = null;
        rotatedFromKey = null;
        newTimeout = null;
    }

    /** A new id for the same state; the old id stops working when the request saves. */
    public String rotateId() {
        load();
        if (stored != null && rotatedFromKey == null) {
            rotatedFromKey = stored.key();
        }
        id = SessionId.generate();
        return id;
    }

    // ---- the context's operations

    <T> T get(Contextual<T> contextual) {
        Materialized<?> found = beans.get(beanClass(contextual).getName());
        return found == null ? null : cast(found.instance);
    }

    <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        T existing = get(contextual);
        if (existing != null || creationalContext == null) {
            return existing;
        }
        load();
        Class<?> beanClass = beanClass(contextual);
        String key = beanClass.getName();
        T instance = contextual.create(creationalContext);
        // Destroyed earlier in this request: it starts fresh, and its fresh state replaces the stored one.
        boolean destroyedHere = removed.remove(key);
        String storedJson = stored == null ? null : stored.beans().get(key);
        String savedJson;
        if (storedJson == null) {
            savedJson = env.codec().write(instance, beanClass);
        } else if (destroyedHere) {
            savedJson = null;
        } else {
            savedJson = restore(instance, beanClass, storedJson);
        }
        beans.put(key, new Materialized<>(key, beanClass, contextual, instance, creationalContext, savedJson));
        return instance;
    }

    void destroy(Contextual<?> contextual) {
        String key = beanClass(contextual).getName();
        Materialized<?> found = beans.remove(key);
        if (found != null) {
            found.destroy();
            removed.add(key);
            return;
        }
        // Not used in this request: there is no instance for @PreDestroy, but its stored state goes.
        load();
        if (stored != null && stored.beans().containsKey(key)) {
            removed.add(key);
        }
    }

    // ---- saving

    /**
     * Writes what changed: a new session with {@code PutItem}, an existing one with one
     * {@code UpdateItem} of the changed beans, a touch when only the expiry is due, a rotation
     * with one transaction, an invalidation with {@code DeleteItem}; else nothing.
     *
     * @param canSetCookie false once the response is committed: a new id could no longer reach the client
     */
    public synchronized SessionChange save(boolean canSetCookie) {
        long now = env.clock().millis();
        boolean ended = deleteEnded();
        Map<String, String> changed = changedBeans();
        if (stored != null) {
            return rotatedFromKey != null && canSetCookie ? saveRotated(changed, now) : saveExisting(changed, now);
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
        Duration timeout = timeout();
        Map<String, Long> versions = new LinkedHashMap<>();
        changed.keySet().forEach(bean -> versions.put(bean, 1L));
        StoredSession session = new StoredSession(env.storeKey(newId), now, now,
                env.expiresAt(now, now, timeout), 1, ownTimeout(), changed, versions);
        if (!env.store().create(session)) {
            throw new IllegalStateException("A session item with a freshly generated id already exists; "
                    + "this points to a broken random number generator.");
        }
        stored = session;
        createdHere = true;
        env.store().statistics().created();
        markSaved(changed);
        env.events().started(env.handle(session.key()));
        return new SessionChange(SessionChange.Kind.STARTED, newId);
    }

    /** Releases the dependents of this request's instances; the instances themselves live on in DynamoDB. */
    public synchronized void release() {
        for (Materialized<?> materialized : beans.values()) {
            materialized.creationalContext.release();
        }
        beans.clear();
    }

    private boolean deleteEnded() {
        if (endedKey == null) {
            return false;
        }
        env.store().delete(endedKey);
        env.events().ended(env.handle(endedKey));
        endedKey = null;
        return true;
    }

    private SessionChange saveRotated(Map<String, String> changed, long now) {
        StoredSession renamed = next(env.storeKey(id), merged(changed), now, changed.keySet());
        if (!env.store().rotate(rotatedFromKey, renamed)) {
            LOG.warning(() -> "dysession session " + reference() + " ended while this request rotated its id; "
                    + "nothing was written.");
            stored = null;
            return SessionChange.ENDED;
        }
        rotatedFromKey = null;
        stored = renamed;
        markSaved(changed);
        removed.clear();
        newTimeout = null;
        return new SessionChange(SessionChange.Kind.ROTATED, id);
    }

    private SessionChange saveExisting(Map<String, String> changed, long now) {
        boolean write = !changed.isEmpty() || !removed.isEmpty() || newTimeout != null;
        if (!write && now - stored.accessed() < env.touchInterval().toMillis()) {
            return SessionChange.NONE;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredSession after = next(stored.key(), merged(changed), now, changed.keySet());
            WriteGuard guard = guard(changed.keySet(), attempt == 1);
            WriteOutcome outcome = write ? env.store().update(after, changed, removed, guard)
                    : env.store().touch(after, guard);
            switch (outcome.kind()) {
                case WRITTEN -> {
                    if (write) {
                        env.store().statistics().saved();
                    } else {
                        env.store().statistics().touched();
                    }
                    stored = after;
                    markSaved(changed);
                    removed.clear();
                    newTimeout = null;
                    return new SessionChange(SessionChange.Kind.EXTENDED, id);
                }
                case GONE -> {
                    LOG.warning(() -> "dysession session " + reference() + " ended while this request used it; "
                            + "its changes were not written.");
                    return SessionChange.NONE;
                }
                case CHANGED -> {
                    if (!write) {
                        return SessionChange.NONE; // another request moved the expiry already
                    }
                    checkNoConflict(outcome.current(), changed.keySet());
                    // Merge: this request's changed beans go on top of what others wrote meanwhile.
                    stored = outcome.current();
                }
            }
        }
        Set<String> contended = new LinkedHashSet<>(changed.keySet());
        contended.addAll(removed);
        throw new DySessionConflictException("dysession could not save session " + reference() + " after "
                + MAX_ATTEMPTS + " attempts: other requests kept writing it. Nothing of this request was written.",
                contended);
    }

    /**
     * The first attempt of a caching server is conditioned on the version it cached, so that its
     * cache stays exact; a retry merges onto whatever is stored now, unconditionally but for the
     * item's existence (and, in strict mode, the versions of this request's beans), so that busy
     * sessions never turn merges into conflicts. The cache then drops its copy.
     */
    private WriteGuard guard(Set<String> changed, boolean firstAttempt) {
        WriteGuard guard = WriteGuard.exists(stored);
        if (env.store().caches() && firstAttempt) {
            guard = guard.version(stored.version());
        }
        if (env.strict()) {
            Set<String> checked = new LinkedHashSet<>(changed);
            checked.addAll(removed);
            guard = guard.beans(checked);
        }
        return guard;
    }

    private void checkNoConflict(StoredSession current, Set<String> changed) {
        if (!env.strict()) {
            return;
        }
        Set<String> moved = new LinkedHashSet<>();
        Set<String> mine = new LinkedHashSet<>(changed);
        mine.addAll(removed);
        for (String bean : mine) {
            if (current.beanVersion(bean) != stored.beanVersion(bean)
                    || current.beans().containsKey(bean) != stored.beans().containsKey(bean)) {
                moved.add(bean);
            }
        }
        if (!moved.isEmpty()) {
            throw new DySessionConflictException("Another request changed " + moved + " of session " + reference()
                    + " after this request loaded it (dysession.concurrency=strict). Nothing of this request's "
                    + "session changes was written; retry the request.", moved);
        }
    }

    private StoredSession next(String key, Map<String, String> beans, long now, Set<String> changed) {
        Map<String, Long> versions = new LinkedHashMap<>(stored.beanVersions());
        changed.forEach(bean -> versions.merge(bean, 1L, Long::sum));
        return new StoredSession(key, stored.created(), now, env.expiresAt(now, stored.created(), timeout()),
                stored.version() + 1, ownTimeout(), beans, versions);
    }

    private long ownTimeout() {
        if (newTimeout != null) {
            return newTimeout.toSeconds();
        }
        return stored == null ? 0 : stored.timeout();
    }

    private Map<String, String> changedBeans() {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Materialized<?> materialized : beans.values()) {
            String json = env.codec().write(materialized.instance, materialized.beanClass);
            if (!json.equals(materialized.savedJson)) {
                changed.put(materialized.key, json);
            }
        }
        return changed;
    }

    private void markSaved(Map<String, String> changed) {
        changed.forEach((key, json) -> beans.get(key).savedJson = json);
    }

    private Map<String, String> merged(Map<String, String> changed) {
        Map<String, String> all = new LinkedHashMap<>(stored.beans());
        all.putAll(changed);
        all.keySet().removeAll(removed);
        return all;
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
        StoredSession found = env.store().find(env.storeKey(candidateId)).orElse(null);
        if (found != null && (found.isExpiredAt(now) || env.outlived(found.created(), now))) {
            String handle = env.handle(found.key());
            env.store().statistics().expiredOnRead();
            env.events().ending(handle);
            env.events().ended(handle);
            found = null;
        }
        if (found != null) {
            env.store().statistics().loaded();
        }
        stored = found;
        // An unknown or expired id is never adopted: id() will issue a fresh one.
        id = stored == null ? null : candidateId;
        candidateRejected = stored == null;
    }

    private String restore(Object instance, Class<?> beanClass, String storedJson) {
        try {
            env.codec().restore(storedJson, instance, beanClass);
            return env.codec().write(instance, beanClass);
        } catch (IncompatibleStateException e) {
            if (env.failOnIncompatibleState()) {
                throw new IllegalStateException(e.getMessage() + " (session " + reference() + "; "
                        + "dysession.on-incompatible-state=fail)", e);
            }
            LOG.warning(() -> "dysession reset " + beanClass.getName() + " in session " + reference() + ": "
                    + e.getMessage());
            // The stored text differs from the fresh state, so the next save replaces it.
            return storedJson;
        }
    }

    // A short, non-secret reference for logs: the start of the digest, never the id.
    private String reference() {
        if (stored == null) {
            return "(new)";
        }
        String handle = env.handle(stored.key());
        return handle.substring(0, Math.min(handle.length(), 12)) + "…";
    }

    private static Class<?> beanClass(Contextual<?> contextual) {
        return ((Bean<?>) contextual).getBeanClass();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object instance) {
        return (T) instance;
    }
}
