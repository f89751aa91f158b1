package io.dysession.internal.context;

import java.time.Clock;

import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.IncompatibleStatePolicy;
import io.dysession.internal.config.TimingSettings;
import io.dysession.internal.statistics.Counters;
import io.dysession.internal.store.SessionStore;

/**
 * What every session request needs: where state is stored (the store also holds the write
 * rules), how it is encoded and under which names, where lifecycle events and counts go, and the
 * timing rules.
 *
 * @param store                the DynamoDB session store
 * @param codec                JSON-B codec of bean state
 * @param names                the key of each bean's state in the item, and its aliases
 * @param events               lifecycle event sink
 * @param counters             what happened to sessions
 * @param timing               timeouts: the default idle timeout and the maximum lifetime
 * @param onIncompatibleState  what to do with stored state that no longer fits its class
 * @param clock                time source
 * @param serialized           whether requests of one session run one at a time ({@code dysession.concurrency=serialized})
 */
public record SessionEnvironment(SessionStore store, StateCodec codec, StateNames names, SessionEvents events,
                                 Counters counters, TimingSettings timing, IncompatibleStatePolicy onIncompatibleState,
                                 Clock clock, boolean serialized) {
}
