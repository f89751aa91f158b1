package io.dysession.internal.context;

import java.time.Clock;
import java.time.Duration;

import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.store.SessionStore;

/**
 * What every session request needs: where state is stored, how it is encoded, the timing rules
 * and where lifecycle events go.
 *
 * @param store                    the DynamoDB session store
 * @param codec                    JSON-B codec of bean state
 * @param keyPrefix                prefix of the partition key value before the id digest
 * @param timeout                  default idle timeout
 * @param maxLifetime              absolute lifetime, however active the session
 * @param touchInterval            how stale the stored access time may get before a read-only request moves it
 * @param failOnIncompatibleState  fail instead of resetting a bean whose stored state no longer fits
 * @param strict                   strict concurrency: a changed bean must not have been written by others since it was loaded
 * @param events                   lifecycle event sink
 * @param clock                    time source
 */
public record SessionEnvironment(SessionStore store, StateCodec codec, String keyPrefix, Duration timeout,
                                 Duration maxLifetime, Duration touchInterval, boolean failOnIncompatibleState,
                                 boolean strict, SessionEvents events, Clock clock) {

    String storeKey(String id) {
        return keyPrefix + SessionId.digest(id);
    }

    /** The public handle of a stored session: its key without the configured prefix. */
    String handle(String storeKey) {
        return storeKey.substring(keyPrefix.length());
    }

    /** Epoch seconds: the earlier of idle expiry and the end of the maximum lifetime. */
    long expiresAt(long nowMillis, long createdMillis, Duration idleTimeout) {
        long idle = nowMillis + idleTimeout.toMillis();
        long absolute = createdMillis + maxLifetime.toMillis();
        return Math.floorDiv(Math.min(idle, absolute), 1000);
    }

    boolean outlived(long createdMillis, long nowMillis) {
        return createdMillis + maxLifetime.toMillis() <= nowMillis;
    }
}
