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
import io.dysession.internal.statistics.Counters;

/**
 * The rules for writing a request's session: which write, on what condition, how to carry this
 * request's changes over what other requests wrote meanwhile ({@link ConcurrentChanges}), and what
 * a session deleted meanwhile means. Every write carries a {@link WriteToken}, so that a retried
 * write whose first attempt was applied is recognized as this request's own.
 */
final class SessionWriter {

    private static final Logger LOG = Logger.getLogger(SessionWriter.class.getName());
    private static final int MAX_ATTEMPTS = 5;

    private final SessionItems items;
    private final SessionKeys keys;
    private final TimingSettings timing;
    private final boolean strict;
    private final Counters counters;
    private final Clock clock;

    SessionWriter(SessionItems items, SessionKeys keys, TimingSettings timing, boolean strict, Counters counters,
                  Clock clock) {
        this.items = items;
        this.keys = keys;
        this.timing = timing;
        this.strict = strict;
        this.counters = counters;
        this.clock = clock;
    }

    SaveResult save(StoredSession loaded, SessionDelta delta, StateCheck check) {
        long now = clock.millis();
        WriteToken token = WriteToken.next();
        if (loaded == null) {
            return create(keys.ofId(delta.newId()), delta, token, now);
        }
        if (delta.newId() != null) {
            return rotate(loaded, keys.ofId(delta.newId()), delta, token, now);
        }
        return update(loaded, delta, new ConcurrentChanges(strict, check, counters), token, now);
    }

    private SaveResult create(SessionKey key, SessionDelta delta, WriteToken token, long now) {
        Map<String, Long> versions = new LinkedHashMap<>();
        delta.changed().keySet().forEach(bean -> versions.put(bean, 1L));
        StoredSession session = new StoredSession(key, now, now,
                timing.expiresAt(now, now, idleTimeout(null, delta)), 1, ownTimeout(null, delta), delta.changed(),
                versions, delta.login() == null ? null : delta.login().login());
        if (!items.create(session, token)) {
            throw new IllegalStateException("A session item with a freshly generated id already exists; "
                    + "this points to a broken random number generator.");
        }
        return new SaveResult(SaveResult.Kind.CREATED, session);
    }

    // A session deleted while this request rotated its id has ended: the client's old id is dead too.
    private SaveResult rotate(StoredSession loaded, SessionKey newKey, SessionDelta delta, WriteToken token,
                              long now) {
        StoredSession renamed = next(loaded, newKey, delta.changed(), delta, now);
        if (!items.rotate(loaded.key(), renamed, token)) {
            LOG.warning(() -> "dysession session " + loaded.key().logRef() + " ended while this "
                    + "request rotated its id; nothing was written.");
            return SaveResult.ENDED;
        }
        return new SaveResult(SaveResult.Kind.ROTATED, renamed);
    }

    private SaveResult update(StoredSession loaded, SessionDelta delta, ConcurrentChanges concurrent,
                              WriteToken token, long now) {
        boolean write = delta.writes();
        if (!write && now - loaded.accessed() < timing.touchInterval().toMillis()) {
            return SaveResult.UNCHANGED;
        }
        String reference = loaded.key().logRef();
        StoredSession base = loaded;
        Map<String, String> changed = delta.changed();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredSession after = next(base, base.key(), changed, delta, now);
            WriteGuard guard = guard(base, delta, attempt == 1);
            SaveResult outcome = write ? items.update(after, changed, delta.removed(), delta.login(), guard, token)
                    : items.touch(after, guard, token);
            if (outcome.kind() == SaveResult.Kind.GONE) {
                LOG.warning(() -> "dysession session " + reference + " ended while this request used it; "
                        + "its changes were not written.");
                return outcome;
            }
            if (outcome.kind() != SaveResult.Kind.STALE) {
                concurrent.written(reference);
                return outcome;
            }
            if (!write) {
                return SaveResult.UNCHANGED; // another request moved the expiry already
            }
            changed = concurrent.rebase(base, outcome.session(), changed, delta.removed(), reference);
            base = outcome.session();
        }
        throw new DySessionConflictException("dysession could not save session " + reference + " after "
                + MAX_ATTEMPTS + " attempts: other requests kept writing it. Nothing of this request was written.",
                touched(delta));
    }

    /**
     * Every write is conditioned on the item's existence and on the stored versions of the beans it
     * writes, so that another request's change to one of them is merged, never silently replaced.
     * The first attempt of a caching server is also conditioned on the item version it cached, so
     * that its cache stays exact.
     */
    private WriteGuard guard(StoredSession base, SessionDelta delta, boolean firstAttempt) {
        WriteGuard guard = WriteGuard.exists(base);
        if (items.caches() && firstAttempt) {
            guard = guard.version(base.version());
        }
        return guard.beans(touched(delta));
    }

    private StoredSession next(StoredSession base, SessionKey key, Map<String, String> changed, SessionDelta delta,
                               long now) {
        Map<String, String> beans = new LinkedHashMap<>(base.beans());
        beans.putAll(changed);
        beans.keySet().removeAll(delta.removed());
        Map<String, Long> versions = new LinkedHashMap<>(base.beanVersions());
        changed.keySet().forEach(bean -> versions.merge(bean, 1L, Long::sum));
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
