package io.dysession.internal.config;

import java.time.Duration;

/**
 * How long sessions live, and how often a read-only request moves their expiry.
 *
 * @param timeout        idle timeout of a session
 * @param maxLifetime    absolute lifetime of a session, however active
 * @param touchInterval  how old the stored last-access time may get before a read-only request moves it
 */
public record TimingSettings(Duration timeout, Duration maxLifetime, Duration touchInterval) {

    /** Epoch seconds: the earlier of idle expiry and the end of the maximum lifetime. */
    public long expiresAt(long nowMillis, long createdMillis, Duration idleTimeout) {
        long idle = nowMillis + idleTimeout.toMillis();
        long absolute = createdMillis + maxLifetime.toMillis();
        return Math.floorDiv(Math.min(idle, absolute), 1000);
    }

    /** True when a session created then has reached its maximum lifetime. */
    public boolean outlived(long createdMillis, long nowMillis) {
        return createdMillis + maxLifetime.toMillis() <= nowMillis;
    }
}
