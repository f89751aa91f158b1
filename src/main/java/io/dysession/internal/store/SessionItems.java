package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallTrace;
import io.dysession.internal.statistics.Counters;

/**
 * The DynamoDB operations on session items, each one call: get, conditional create, update,
 * touch, rotate and delete, keeping the cache to states known exactly. Every write is
 * conditioned on the item's existence, so a session deleted by another request is never
 * resurrected and a new one never overwrites; writes that would exceed the item size limit fail
 * before anything is sent.
 */
final class SessionItems {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    private final CallPath calls;
    private final TableLayout layout;
    private final boolean consistentRead;
    private final ItemMapping mapping;
    private final SessionCache cache;
    private final Counters statistics;

    SessionItems(CallPath calls, TableLayout layout, boolean consistentRead, ItemMapping mapping, SessionCache cache,
                 Counters statistics) {
        this.calls = calls;
        this.layout = layout;
        this.consistentRead = consistentRead;
        this.mapping = mapping;
        this.cache = cache;
        this.statistics = statistics;
    }

    boolean caches() {
        return cache.enabled();
    }

    /** After a rotation: the old key is gone, the renamed session is stored as written. */
    void rotated(SessionKey oldKey, StoredSession renamed, Map<String, AttributeValue> item) {
        statistics.written(ItemMapping.beanBytes(item));
        cache.remove(oldKey.value());
        cache.put(renamed);
    }

    /**
     * One {@code PutItem} that fails (returns false) when an item with this key exists, unless that
     * item is this very write, applied by an attempt whose answer was lost.
     */
    boolean create(StoredSession session, WriteToken token) {
        Map<String, AttributeValue> item = new HashMap<>(mapping.toItem(session));
        item.put(WriteToken.ATTRIBUTE, token.attribute());
        try {
            calls.call("PutItem", client -> client.putItem(b -> b.tableName(layout.table()).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey()))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity()));
        } catch (ConditionalCheckFailedException e) {
            if (!token.marks(e.item())) {
                return false;
            }
        }
        statistics.written(ItemMapping.beanBytes(item));
        CallTrace.item(() -> ItemSize.of(item));
        cache.put(session);
        return true;
    }

    /**
     * One {@code UpdateItem}: sets the changed beans, removes the destroyed ones, moves the access
     * and expiry times, the timeout and the versions, conditioned as {@code guard} says.
     *
     * @param after   the session as it is after the write
     * @param changed the beans to set, a subset of {@code after.beans()}
     * @param removed the beans to remove
     * @param login   the login set or ended, or null to leave it alone
     */
    SaveResult update(StoredSession after, Map<String, String> changed, Set<String> removed,
                      SessionDelta.LoginChange login, WriteGuard guard, WriteToken token) {
        return update(after, changed, removed, login, guard, token, false);
    }

    /**
     * Like {@link #update(StoredSession, Map, Set, SessionDelta.LoginChange, WriteGuard, WriteToken)},
     * and, with {@code returnPrevious}, also returns the item the write replaced (its last resort
     * under contention is conditioned on the item's existence only, so what it overwrote must be counted).
     */
    SaveResult update(StoredSession after, Map<String, String> changed, Set<String> removed,
                      SessionDelta.LoginChange login, WriteGuard guard, WriteToken token, boolean returnPrevious) {
        Map<String, AttributeValue> encoded = mapping.encode(after.key(), changed);
        mapping.checkSize(after.key(), encoded, after.beans());
        UpdateExpression expression = new UpdateExpression(layout, after);
        encoded.forEach(expression::setBean);
        removed.forEach(expression::removeBean);
        if (login != null) {
            expression.login(mapping.loginAttributes(after.key(), login.login()));
        }
        expression.guard(guard);
        expression.mark(token);
        SaveResult outcome = conditionalUpdate(after, expression, guard, token, SaveResult.Kind.SAVED, returnPrevious);
        if (outcome.kind() == SaveResult.Kind.SAVED) {
            encoded.values().forEach(value -> statistics.written(BeanEncoding.size(value)));
        }
        return outcome;
    }

    /** Moves only the access and expiry times (and the version), conditioned as {@code guard} says. */
    SaveResult touch(StoredSession after, WriteGuard guard, WriteToken token) {
        // Not marked: a retried touch either finds the item (and moves the expiry again) or, on a
        // caching server, meets a version it counts as "another request moved the expiry already".
        UpdateExpression expression = new UpdateExpression(layout, after);
        expression.guard(guard);
        return conditionalUpdate(after, expression, guard, token, SaveResult.Kind.TOUCHED, false);
    }

    Optional<Map<String, AttributeValue>> get(SessionKey key, boolean versionOnly) {
        GetItemResponse response = calls.call("GetItem", client -> client.getItem(b -> {
            b.tableName(layout.table()).key(layout.key(key.value())).consistentRead(consistentRead)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (versionOnly) {
                b.projectionExpression("#ver").expressionAttributeNames(Map.of("#ver", ItemMapping.VERSION));
            }
        }), found -> CallPath.one(found.consumedCapacity()));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        if (!versionOnly) {
            CallTrace.item(() -> ItemSize.of(response.item()));
        }
        return Optional.of(response.item());
    }

    /**
     * What {@code read} makes of an item, or empty when the item does not fit the layout: such an
     * item is no session (a fresh one gets a fresh id), is never written to, and is left in place,
     * since it may be a newer version's layout during a rolling deployment; TTL or purge removes it.
     */
    <T> Optional<T> readable(SessionKey key, Map<String, AttributeValue> item, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ItemLayoutException e) {
            statistics.corruptItem();
            LOG.warning(() -> "dysession ignores the stored item of session " + key.logRef() + " in "
                    + layout.table() + ": " + e.getMessage() + ". It does not fit the session item layout, so it "
                    + "counts as no session and is left as it is.");
            return Optional.empty();
        }
    }

    // The cache keeps only states known exactly: written under a version condition, or just read back.
    private SaveResult conditionalUpdate(StoredSession after, UpdateExpression expression, WriteGuard guard,
                                         WriteToken token, SaveResult.Kind written, boolean returnPrevious) {
        SessionKey sessionKey = after.key();
        String key = sessionKey.value();
        Map<String, AttributeValue> previous;
        try {
            previous = calls.call("UpdateItem", client -> client.updateItem(b -> b.tableName(layout.table())
                    .key(layout.key(key))
                    .updateExpression(expression.update())
                    .conditionExpression(expression.condition())
                    .expressionAttributeNames(expression.names())
                    .expressionAttributeValues(expression.values())
                    .returnValues(returnPrevious ? ReturnValue.ALL_OLD : ReturnValue.NONE)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity())).attributes();
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                cache.remove(key);
                return SaveResult.GONE;
            }
            if (token.marks(e.item())) {
                cache.remove(key); // this save's own write, applied by an attempt whose answer was lost
                return new SaveResult(written, after);
            }
            Optional<StoredSession> current = readable(sessionKey, e.item(),
                    () -> mapping.fromItem(sessionKey, e.item()));
            if (current.isEmpty()) {
                cache.remove(key);
                return SaveResult.GONE;
            }
            cache.put(current.get());
            return new SaveResult(SaveResult.Kind.STALE, current.get());
        }
        if (guard.expectedVersion() != null) {
            cache.put(after);
        } else {
            cache.remove(key);
        }
        return new SaveResult(written, after, previous == null || previous.isEmpty() ? null
                : readable(sessionKey, previous, () -> mapping.fromItem(sessionKey, previous)).orElse(null));
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    void delete(SessionKey key) {
        cache.remove(key.value());
        calls.call("DeleteItem", client -> client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key.value()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity()));
    }
}
