package io.dysession.internal.store;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a write to an existing session is conditioned on, beyond the item still existing.
 *
 * @param expectedVersion  the item version the writer last saw (a caching server's first attempt), or null for any
 * @param loaded           the session as the writer loaded it: the bean versions
 * @param checkedBeans     beans whose stored version must still be the loaded one: those the write sets or removes
 * @param lock             serialized mode: whose lock the write must hold (and releases), or that it must find no
 *                         live lock; {@link LockCondition#NONE} otherwise
 */
record WriteGuard(Long expectedVersion, StoredSession loaded, Set<String> checkedBeans, LockCondition lock) {

    WriteGuard {
        checkedBeans = Set.copyOf(checkedBeans);
    }

    static WriteGuard exists(StoredSession loaded) {
        return new WriteGuard(null, loaded, Set.of(), LockCondition.NONE);
    }

    WriteGuard version(long expected) {
        return new WriteGuard(expected, loaded, checkedBeans, lock);
    }

    WriteGuard beans(Collection<String> beans) {
        return new WriteGuard(expectedVersion, loaded, Set.copyOf(beans), lock);
    }

    WriteGuard lock(LockCondition condition) {
        return new WriteGuard(expectedVersion, loaded, checkedBeans, condition);
    }

    /**
     * The lock part of a write's condition.
     *
     * @param owner  the token whose lock the write must hold and release; null when it holds none
     * @param now    epoch ms: with no owner, a write in serialized mode must find no lock live at this time;
     *               0 outside serialized mode
     */
    record LockCondition(String owner, long now) {

        static final LockCondition NONE = new LockCondition(null, 0);

        static LockCondition held(String owner) {
            return new LockCondition(owner, 0);
        }

        static LockCondition freeAt(long now) {
            return new LockCondition(null, now);
        }

        /**
         * Adds what this condition needs to an expression's names and values, and returns its
         * clause; null when there is none (outside serialized mode).
         */
        String apply(Map<String, String> names, Map<String, AttributeValue> values) {
            if (owner != null) {
                names.put("#lock", SessionLock.OWNER);
                values.put(":owner", AttributeValue.fromS(owner));
                return "#lock = :owner";
            }
            if (now == 0) {
                return null;
            }
            names.put("#lock", SessionLock.OWNER);
            names.put("#lockUntil", SessionLock.UNTIL);
            values.put(":now", ItemMapping.number(now));
            return "(attribute_not_exists(#lock) OR #lockUntil < :now)";
        }
    }
}
