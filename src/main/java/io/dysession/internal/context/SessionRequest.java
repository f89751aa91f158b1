package io.dysession.internal.context;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;

import io.dysession.internal.codec.IncompatibleStateException;
import io.dysession.internal.store.ItemSize;
import io.dysession.internal.store.StoredSession;

/**
 * One request's view of its session: the id the client sent (if well-formed), the item loaded
 * lazily on first use, and the bean instances materialized in this request.
 */
public final class SessionRequest {

    private static final Logger LOG = Logger.getLogger(SessionRequest.class.getName());

    private final SessionEnvironment env;
    private final String candidateId;
    private final Map<String, Materialized<?>> beans = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private boolean loaded;
    private String id;
    private StoredSession stored;

    SessionRequest(SessionEnvironment env, String candidateId) {
        this.env = env;
        this.candidateId = SessionId.isWellFormed(candidateId) ? candidateId : null;
    }

    /** The session id; issues a new one (stored at the next save) when the request has no valid session. */
    public String id() {
        load();
        if (id == null) {
            id = SessionId.generate();
        }
        return id;
    }

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

    /**
     * Writes what changed: a new session with {@code PutItem}, an existing one with one
     * {@code UpdateItem} of the changed beans, a touch when only the expiry is due, else nothing.
     *
     * @param canSetCookie false once the response is committed: a new session would then be unreachable
     */
    public CookieChange save(boolean canSetCookie) {
        long now = env.clock().millis();
        Map<String, String> changed = changedBeans();
        if (stored != null) {
            saveExisting(changed, now);
            return CookieChange.NONE;
        }
        if (changed.isEmpty() && id == null) {
            return CookieChange.NONE;
        }
        if (!canSetCookie) {
            LOG.warning(() -> "dysession could not start a session for beans " + changed.keySet()
                    + ": the response was already committed, so no cookie could be sent. Change session beans "
                    + "before writing the response body.");
            return CookieChange.NONE;
        }
        ItemSize.check(changed);
        String newId = id();
        StoredSession session = new StoredSession(env.storeKey(newId), now, now, env.expiresAt(now), 1, changed);
        if (!env.store().create(session)) {
            throw new IllegalStateException("A session item with a freshly generated id already exists; "
                    + "this points to a broken random number generator.");
        }
        stored = session;
        markSaved(changed);
        return new CookieChange(newId);
    }

    /** Releases the dependents of this request's instances; the instances themselves live on in DynamoDB. */
    public void release() {
        for (Materialized<?> materialized : beans.values()) {
            materialized.creationalContext.release();
        }
        beans.clear();
    }

    private void saveExisting(Map<String, String> changed, long now) {
        boolean write = !changed.isEmpty() || !removed.isEmpty();
        if (!write && now - stored.accessed() < env.touchInterval().toMillis()) {
            return;
        }
        Map<String, String> after = merged(changed);
        ItemSize.check(after);
        long expires = env.expiresAt(now);
        boolean stillThere = write
                ? env.store().update(stored.key(), changed, removed, now, expires)
                : env.store().touch(stored.key(), now, expires);
        if (!stillThere) {
            LOG.warning(() -> "dysession session " + reference() + " ended while this request used it; "
                    + "its changes were not written.");
            return;
        }
        stored = new StoredSession(stored.key(), stored.created(), now, expires, stored.version() + 1, after);
        markSaved(changed);
        removed.clear();
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
        stored = env.store().find(env.storeKey(candidateId)).filter(session -> !session.isExpiredAt(now))
                .orElse(null);
        // An unknown or expired id is never adopted: id() will issue a fresh one.
        id = stored == null ? null : candidateId;
    }

    private String restore(Object instance, Class<?> beanClass, String storedJson) {
        try {
            env.codec().restore(storedJson, instance, beanClass);
            return env.codec().write(instance, beanClass);
        } catch (IncompatibleStateException e) {
            LOG.warning(() -> "dysession reset " + beanClass.getName() + " in session " + reference() + ": "
                    + e.getMessage());
            // The stored text differs from the fresh state, so the next save replaces it.
            return storedJson;
        }
    }

    // A short, non-secret reference for logs: the start of the digest, never the id.
    private String reference() {
        return stored == null ? "(new)" : stored.key().substring(0, Math.min(stored.key().length(), 12)) + "…";
    }

    private static Class<?> beanClass(Contextual<?> contextual) {
        return ((Bean<?>) contextual).getBeanClass();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object instance) {
        return (T) instance;
    }
}
