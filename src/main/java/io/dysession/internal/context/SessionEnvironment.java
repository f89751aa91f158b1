package io.dysession.internal.context;

import java.time.Clock;
import java.time.Duration;

import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.store.SessionStore;

/**
 * What every session request needs: where state is stored, how it is encoded, and the timing rules.
 *
 * @param store          the DynamoDB session store
 * @param codec          JSON-B codec of bean state
 * @param keyPrefix      prefix of the partition key value before the id digest
 * @param timeout        idle timeout
 * @param touchInterval  how stale the stored access time may get before a read-only request moves it
 * @param clock          time source
 */
public record SessionEnvironment(SessionStore store, StateCodec codec, String keyPrefix, Duration timeout,
                                 Duration touchInterval, Clock clock) {

    String storeKey(String id) {
        return keyPrefix + SessionId.digest(id);
    }

    long expiresAt(long nowMillis) {
        return Math.floorDiv(nowMillis + timeout.toMillis(), 1000);
    }
}
