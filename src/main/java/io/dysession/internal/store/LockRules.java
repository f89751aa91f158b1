package io.dysession.internal.store;

import java.time.Clock;
import java.util.Set;

import io.dysession.DySessionConflictException;
import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.ConcurrencySettings;

/**
 * What the lease lock ({@code dysession.concurrency=serialized}) asks of a write: the holder's
 * write must still hold its lock (and releases it); any other write must find none live, and
 * waits while another request holds it.
 */
final class LockRules {

    private final ConcurrencySettings concurrency;
    private final Clock clock;

    LockRules(ConcurrencySettings concurrency, Clock clock) {
        this.concurrency = concurrency;
        this.clock = clock;
    }

    WriteGuard.LockCondition condition(SessionDelta delta) {
        if (delta.lockOwner() != null) {
            return WriteGuard.LockCondition.held(delta.lockOwner());
        }
        return serialized() ? WriteGuard.LockCondition.freeAt(clock.millis()) : WriteGuard.LockCondition.NONE;
    }

    /** A write without the lock was refused because another request holds it: it waits, then merges. */
    boolean heldByAnother(StoredSession current, SessionDelta delta) {
        return delta.lockOwner() == null && serialized() && current.lock() != null
                && current.lock().liveAt(clock.millis());
    }

    LockWaits waits() {
        return new LockWaits(clock, concurrency.lockWait());
    }

    static long until(StoredSession current) {
        return current.lock() == null ? 0 : current.lock().until();
    }

    static DySessionConflictException lostLease(String reference, Set<String> beans) {
        return new DySessionConflictException("dysession session " + reference + ": this request's lock lease "
                + "(dysession.concurrency.lock-lease) ran out before it saved, and another request took the lock; "
                + "nothing of this request's session changes was written (dysession.concurrency=serialized). Raise "
                + "the lease if requests legitimately run that long.", beans);
    }

    private boolean serialized() {
        return concurrency.mode() == ConcurrencyMode.SERIALIZED;
    }
}
