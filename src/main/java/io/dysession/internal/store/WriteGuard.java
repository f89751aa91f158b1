package io.dysession.internal.store;

import java.util.Collection;
import java.util.Set;

/**
 * What a write to an existing session is conditioned on, beyond the item still existing.
 *
 * @param expectedVersion  the item version the writer last saw (a caching server's first attempt), or null for any
 * @param loaded           the session as the writer loaded it: the bean versions
 * @param checkedBeans     beans whose stored version must still be the loaded one: those the write sets or removes
 */
record WriteGuard(Long expectedVersion, StoredSession loaded, Set<String> checkedBeans) {

    WriteGuard {
        checkedBeans = Set.copyOf(checkedBeans);
    }

    static WriteGuard exists(StoredSession loaded) {
        return new WriteGuard(null, loaded, Set.of());
    }

    WriteGuard version(long expected) {
        return new WriteGuard(expected, loaded, checkedBeans);
    }

    WriteGuard beans(Collection<String> beans) {
        return new WriteGuard(expectedVersion, loaded, Set.copyOf(beans));
    }
}
