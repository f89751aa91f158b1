package io.dysession.internal.store;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import io.dysession.DySessionConflictException;
import io.dysession.internal.config.TimingSettings;

/**
 * The rules for writing a request's session: which write, on what condition, how often to retry
 * when other requests wrote the same session meanwhile, and what a session deleted meanwhile means.
 */
final class SessionWriter {

    private static final Logger LOG = Logger.getLogger(SessionWriter.class.getName());
    private static final int MAX_ATTEMPTS = 5;

    private final SessionItems items;
    private final SessionKeys keys;
    private final TimingSettings timing;
    private final boolean strict;
    private final Clock clock;

    SessionWriter(SessionItems items, SessionKeys keys, TimingSettings timing, boolean strict, Clock clock) {
        this.items = items;
        this.keys = keys;
        this.timing = timing;
        this.strict = strict;
        this.clock = clock;
    }

    SaveResult save(StoredSession loaded, SessionDelta delta) {
        long now = clock.millis();
        if (loaded == null) {
            return create(keys.ofId(delta.newId()), delta, now);
        }
        if (delta.newId() != null) {
            return rotate(loaded, keys.ofId(delta.newId()), delta, now);
        }
        return update(loaded, delta, now);
    }

    private SaveResult create(SessionKey key, SessionDelta delta, long now) {
        Map<String, Long> versions = new LinkedHashMap<>();
        delta.changed().keySet().forEach(bean -> versions.put(bean, 1L));
        StoredSession session = new StoredSession(key, now, now,
                timing.expiresAt(now, now, idleTimeout(null, delta)), 1, ownTimeout(null, delta), delta.changed(),
                versions, delta.login() == null ? null : delta.login().login());
        if (!items.create(session)) {
            throw new IllegalStateException("A session item with a freshly generated id already exists; "
                    + "this points to a broken random number generator.");
        }
        return new SaveResult(SaveResult.Kind.CREATED, session);
    }

    // A session deleted while this request rotated its id has ended: the client's old id is dead too.
    private SaveResult rotate(StoredSession loaded, SessionKey newKey, SessionDelta delta, long now) {
        StoredSession renamed = next(loaded, newKey, delta, now);
        if (!items.rotate(loaded.key(), renamed)) {
            LOG.warning(() -> "dysession session " + loaded.key().logRef() + " ended while this "
                    + "request rotated its id; nothing was written.");
            return SaveResult.ENDED;
        }
        return new SaveResult(SaveResult.Kind.ROTATED, renamed);
    }

    private SaveResult update(StoredSession loaded, SessionDelta delta, long now) {
        boolean write = delta.writes();
        if (!write && now - loaded.accessed() < timing.touchInterval().toMillis()) {
            return SaveResult.UNCHANGED;
        }
        String reference = loaded.key().logRef();
        StoredSession base = loaded;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredSession after = next(base, base.key(), delta, now);
            WriteGuard guard = guard(base, delta, attempt == 1);
            SaveResult outcome = write ? items.update(after, delta.changed(), delta.removed(), delta.login(), guard)
                    : items.touch(after, guard);
            if (outcome.kind() == SaveResult.Kind.GONE) {
                LOG.warning(() -> "dysession session " + reference + " ended while this request used it; "
                        + "its changes were not written.");
                return outcome;
            }
            if (outcome.kind() != SaveResult.Kind.STALE) {
                return outcome;
            }
            if (!write) {
                return SaveResult.UNCHANGED; // another request moved the expiry already
            }
            checkNoConflict(base, outcome.session(), delta, reference);
            // Merge: this request's changed beans go on top of what others wrote meanwhile.
            base = outcome.session();
        }
        throw new DySessionConflictException("dysession could not save session " + reference + " after "
                + MAX_ATTEMPTS + " attempts: other requests kept writing it. Nothing of this request was written.",
                touched(delta));
    }

    /**
     * The first attempt of a caching server is conditioned on the version it cached, so that its
     * cache stays exact; a retry merges onto whatever is stored now, unconditionally but for the
     * item's existence (and, in strict mode, the versions of this request's beans), so that busy
     * sessions never turn merges into conflicts. The cache then drops its copy.
     */
    private WriteGuard guard(StoredSession base, SessionDelta delta, boolean firstAttempt) {
        WriteGuard guard = WriteGuard.exists(base);
        if (items.caches() && firstAttempt) {
            guard = guard.version(base.version());
        }
        return strict ? guard.beans(touched(delta)) : guard;
    }

    private void checkNoConflict(StoredSession base, StoredSession current, SessionDelta delta, String reference) {
        if (!strict) {
            return;
        }
        Set<String> moved = new LinkedHashSet<>();
        for (String bean : touched(delta)) {
            if (current.beanVersion(bean) != base.beanVersion(bean)
                    || current.beans().containsKey(bean) != base.beans().containsKey(bean)) {
                moved.add(bean);
            }
        }
        if (!moved.isEmpty()) {
            throw new DySessionConflictException("Another request changed " + moved + " of session " + reference
                    + " after this request loaded it (dysession.concurrency=strict). Nothing of this request's "
                    + "session changes was written; retry the request.", moved);
        }
    }

    private StoredSession next(StoredSession base, SessionKey key, SessionDelta delta, long now) {
        Map<String, String> beans = new LinkedHashMap<>(base.beans());
        beans.putAll(delta.changed());
        beans.keySet().removeAll(delta.removed());
        Map<String, Long> versions = new LinkedHashMap<>(base.beanVersions());
        delta.changed().keySet().forEach(bean -> versions.merge(bean, 1L, Long::sum));
        return new StoredSession(key, base.created(), now,
                timing.expiresAt(now, base.created(), idleTimeout(base, delta)), base.version() + 1,
                ownTimeout(base, delta), beans, versions,
                delta.login() == null ? base.login() : delta.login().login());
    }

    private Duration idleTimeout(StoredSession base, SessionDelta delta) {
        if (delta.newTimeout() != null) {
            return delta.newTimeout();
        }
        return base == null ? timing.timeout() : base.idleTimeout(timing.timeout());
    }

    private static long ownTimeout(StoredSession base, SessionDelta delta) {
        if (delta.newTimeout() != null) {
            return delta.newTimeout().toSeconds();
        }
        return base == null ? 0 : base.timeout();
    }

    private static Set<String> touched(SessionDelta delta) {
        Set<String> beans = new LinkedHashSet<>(delta.changed().keySet());
        beans.addAll(delta.removed());
        return beans;
    }
}
