package io.dysession.internal.store;

import java.time.Clock;
import java.util.Optional;

import io.dysession.internal.config.ConcurrencySettings;

/**
 * Taking a session's lease lock ({@code dysession.concurrency=serialized}): one {@code UpdateItem}
 * that is also the load; when another request holds it, reads of the lock alone, in growing
 * jittered pauses, until it is free or the lock wait is over (503).
 */
final class SessionLocks {

    private final SessionLocking locking;
    private final ConcurrencySettings settings;
    private final Clock clock;

    SessionLocks(SessionLocking locking, ConcurrencySettings settings, Clock clock) {
        this.locking = locking;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<StoredSession> acquire(SessionKey key, String owner) {
        LockWaits waits = null;
        while (true) {
            long now = clock.millis();
            SessionLocking.Attempt attempt = locking.acquire(key, owner, now, now + settings.lockLease().toMillis());
            switch (attempt.kind()) {
                case ACQUIRED -> {
                    return Optional.ofNullable(attempt.session());
                }
                case ABSENT -> {
                    return Optional.empty();
                }
                case BUSY -> {
                    waits = waits != null ? waits : new LockWaits(clock, settings.lockWait());
                    long until = attempt.until();
                    do {
                        waits.pause(key.logRef(), until);
                        Optional<Long> seen = locking.lockedUntil(key);
                        if (seen.isEmpty()) {
                            return Optional.empty();
                        }
                        until = seen.get();
                    } while (until > clock.millis());
                }
            }
        }
    }

    /** Deletes the item once no other request holds its lock (an unlocked request's invalidation). */
    void deleteWhenUnlocked(SessionKey key) {
        LockWaits waits = null;
        for (Optional<Long> until = locking.deleteUnlessLocked(key, clock.millis()); until.isPresent();
             until = locking.deleteUnlessLocked(key, clock.millis())) {
            waits = waits != null ? waits : new LockWaits(clock, settings.lockWait());
            waits.pause(key.logRef(), until.get());
        }
    }

    void release(SessionKey key, String owner) {
        locking.release(key, owner);
    }
}
