package io.dysession.internal.store;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

import io.dysession.DySessionConflictException;
import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.ConcurrencySettings;
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
    // Enough for a burst of a few dozen writers of one session to land one by one, merged.
    private static final int MAX_ATTEMPTS = 30;
    private static final long LONGEST_PAUSE_MS = 200;

    private final SessionItems items;
    private final SessionRotation rotation;
    private final SessionLocking locking;
    private final LockRules locks;
    private final SessionKeys keys;
    private final TimingSettings timing;
    private final ConcurrencySettings concurrency;
    private final Counters counters;
    private final Clock clock;

    SessionWriter(SessionItems items, SessionRotation rotation, SessionLocking locking, SessionKeys keys,
                  TimingSettings timing, ConcurrencySettings concurrency, Counters counters, Clock clock) {
        this.items = items;
        this.rotation = rotation;
        this.locking = locking;
        this.locks = new LockRules(concurrency, clock);
        this.keys = keys;
        this.timing = timing;
        this.concurrency = concurrency;
        this.counters = counters;
        this.clock = clock;
    }

    SaveResult save(StoredSession loaded, SessionDelta delta, StateCheck check) {
        long now = clock.millis();
        if (loaded == null) {
            return create(keys.ofId(delta.newId()), delta, WriteToken.next(), now);
        }
        if (delta.newId() != null) {
            return rotate(loaded, keys.ofId(delta.newId()), delta, WriteToken.next(), now);
        }
        return update(loaded, delta, check, now);
    }

    private SaveResult create(SessionKey key, SessionDelta delta, WriteToken token, long now) {
        Map<String, Long> versions = new LinkedHashMap<>();
        delta.changed().keySet().forEach(bean -> versions.put(bean, 1L));
        StoredSession session = new StoredSession(key, now, now,
                timing.expiresAt(now, now, idleTimeout(null, delta)), 1, ownTimeout(null, delta), delta.changed(),
                versions, delta.login() == null ? null : delta.login().login(), null, Set.of());
        if (!items.create(session, token)) {
            throw new IllegalStateException("A session item with a freshly generated id already exists; "
                    + "this points to a broken random number generator.");
        }
        return new SaveResult(SaveResult.Kind.CREATED, session);
    }

    // A session deleted while this request rotated its id has ended: the client's old id is dead too.
    private SaveResult rotate(StoredSession loaded, SessionKey newKey, SessionDelta delta, WriteToken token,
                              long now) {
        String reference = loaded.key().logRef();
        StoredSession base = loaded;
        LockWaits waits = null;
        while (true) {
            StoredSession renamed = next(base, newKey, delta.changed(), delta, now);
            SaveResult outcome = rotation.rotate(loaded.key(), renamed, locks.condition(delta), token);
            if (outcome.kind() == SaveResult.Kind.ENDED) {
                LOG.warning(() -> "dysession session " + reference + " ended while this "
                        + "request rotated its id; nothing was written.");
            }
            if (outcome.kind() != SaveResult.Kind.STALE) {
                return outcome;
            }
            // The old item's lock refused it: this request's lease ran out, or another request holds it.
            if (delta.lockOwner() != null) {
                throw LockRules.lostLease(reference, touched(delta));
            }
            waits = waits != null ? waits : locks.waits();
            waits.pause(reference, LockRules.until(outcome.session()));
            base = outcome.session();
        }
    }

    private SaveResult update(StoredSession loaded, SessionDelta delta, StateCheck check, long now) {
        boolean write = delta.writes();
        if (!write && now - loaded.accessed() < timing.touchInterval().toMillis()) {
            if (delta.lockOwner() != null) {
                locking.release(loaded.key(), delta.lockOwner());
            }
            return SaveResult.UNCHANGED;
        }
        // only now that a write follows: a token is a random UUID, from the JDK's SecureRandom
        WriteToken token = WriteToken.next();
        ConcurrentChanges concurrent = new ConcurrentChanges(concurrency.mode() == ConcurrencyMode.STRICT, check,
                counters);
        String reference = loaded.key().logRef();
        StoredSession base = loaded;
        Map<String, String> changed = delta.changed();
        LockWaits waits = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; ) {
            StoredSession after = next(base, base.key(), changed, delta, now);
            WriteGuard guard = guard(base, delta, attempt == 1).lock(locks.condition(delta));
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
                return SaveResult.UNCHANGED; // another request moved the expiry already, or holds the lock
            }
            StoredSession current = outcome.session();
            if (delta.lockOwner() != null && (current.lock() == null || !current.lock().heldBy(delta.lockOwner()))) {
                throw LockRules.lostLease(reference, touched(delta));
            }
            if (locks.heldByAnother(current, delta)) {
                waits = waits != null ? waits : locks.waits();
                waits.pause(reference, LockRules.until(current)); // then merge onto what the holder wrote
            } else {
                attempt++;
                pause(attempt); // jittered, so that writers racing for one session do not meet again at once
            }
            changed = concurrent.rebase(base, current, changed, delta.removed(), reference);
            base = current;
        }
        if (concurrency.mode() == ConcurrencyMode.STRICT) {
            throw new DySessionConflictException("dysession could not save session " + reference + " after "
                    + MAX_ATTEMPTS + " attempts: other requests kept writing it. Nothing of this request was written.",
                    touched(delta));
        }
        return lastResort(base, changed, delta, concurrent, token, reference, now);
    }

    /**
     * Merge mode, after every attempt met another request's write: one write conditioned on the
     * item's existence (and the lock) only, which returns the item it replaced, so that whatever it
     * overwrote since the last look is counted and logged, never lost silently.
     */
    private SaveResult lastResort(StoredSession base, Map<String, String> changed, SessionDelta delta,
                                  ConcurrentChanges concurrent, WriteToken token, String reference, long now) {
        LockWaits waits = null;
        SaveResult outcome;
        while (true) {
            StoredSession after = next(base, base.key(), changed, delta, now);
            WriteGuard guard = WriteGuard.exists(base).lock(locks.condition(delta));
            outcome = items.update(after, changed, delta.removed(), delta.login(), guard, token, true);
            if (outcome.kind() == SaveResult.Kind.GONE) {
                LOG.warning(() -> "dysession session " + reference + " ended while this request used it; "
                        + "its changes were not written.");
                return outcome;
            }
            if (outcome.kind() != SaveResult.Kind.STALE) {
                break;
            }
            // Only a lock refuses it: this request's lease ran out, or (unlocked) another request holds it.
            if (delta.lockOwner() != null) {
                throw LockRules.lostLease(reference, touched(delta));
            }
            waits = waits != null ? waits : locks.waits();
            waits.pause(reference, LockRules.until(outcome.session()));
        }
        if (outcome.previous() != null) {
            concurrent.overwrote(base, outcome.previous(), touched(delta), changed);
        }
        concurrent.written(reference);
        return outcome;
    }

    private static void pause(int attempt) {
        long longest = Math.min(LONGEST_PAUSE_MS, 5L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(longest + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        // A rotation writes the whole item: a value that did not open is left behind with the old one.
        Set<String> unreadable = new LinkedHashSet<>(key.equals(base.key()) ? base.unreadable() : Set.of());
        unreadable.removeAll(changed.keySet());
        unreadable.removeAll(delta.removed());
        return new StoredSession(key, base.created(), now,
                timing.expiresAt(now, base.created(), idleTimeout(base, delta)), base.version() + 1,
                ownTimeout(base, delta), beans, versions,
                delta.login() == null ? base.login() : delta.login().login(), null, unreadable);
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
