package io.dysession.internal.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.dysession.DySessionStoreException;

/**
 * How long a request waits for another request's lock ({@code dysession.concurrency.lock-wait}),
 * in jittered, growing pauses; past the deadline, a 503 with {@code Retry-After}, nothing written.
 */
final class LockWaits {

    private static final long FIRST_PAUSE_MS = 20;
    private static final long LONGEST_PAUSE_MS = 250;

    private final Clock clock;
    private final long deadline;
    private final Duration wait;
    private int pauses;

    LockWaits(Clock clock, Duration wait) {
        this.clock = clock;
        this.wait = wait;
        this.deadline = clock.millis() + wait.toMillis();
    }

    /** Pauses before the next try, at most until {@code lockedUntil} or the deadline; throws past the deadline. */
    void pause(String reference, long lockedUntil) {
        long now = clock.millis();
        if (now >= deadline) {
            throw new DySessionStoreException("dysession session " + reference + " stayed locked by another request "
                    + "for dysession.concurrency.lock-wait=" + wait + " (dysession.concurrency=serialized); this "
                    + "request wrote nothing and may be retried.", null, Duration.ofSeconds(1));
        }
        long longest = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS << Math.min(pauses++, 4));
        long pause = ThreadLocalRandom.current().nextLong(longest / 2, longest + 1);
        pause = Math.min(pause, Math.max(1, Math.min(deadline, Math.max(lockedUntil, now + 1)) - now));
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DySessionStoreException("dysession was interrupted while waiting for session " + reference
                    + "'s lock; nothing was written.", e, Duration.ofSeconds(1));
        }
    }
}
