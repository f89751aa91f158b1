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

    /**
     * The one expiry rule: a session is live while its stored expiry (epoch seconds) has not
     * passed and it has not reached its maximum lifetime. Expired items count as absent: DynamoDB's
     * TTL deletes them late (up to about 48 hours), some compatible stores never.
     */
    public boolean live(long expiresSeconds, long createdMillis, long nowMillis) {
        return expiresSeconds * 1000 > nowMillis && !outlived(createdMillis, nowMillis);
    }

    /** True when a session created then has reached its maximum lifetime. */
    public boolean outlived(long createdMillis, long nowMillis) {
        return createdMillis + maxLifetime.toMillis() <= nowMillis;
    }
}
