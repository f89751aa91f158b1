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
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
        Map<String, AttributeValue> encoded = mapping.encode(changed);
        mapping.checkSize(encoded, after.beans());
        UpdateExpression expression = new UpdateExpression(layout, after);
        encoded.forEach(expression::setBean);
        removed.forEach(expression::removeBean);
        if (login != null) {
            expression.login(mapping.loginAttributes(login.login()));
        }
        expression.guard(guard);
        expression.mark(token);
        SaveResult outcome = conditionalUpdate(after, expression, guard, token, SaveResult.Kind.SAVED);
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
        return conditionalUpdate(after, expression, guard, token, SaveResult.Kind.TOUCHED);
    }

    /**
     * Moves a session to a new key in one {@code TransactWriteItems}: put the new item (which must
     * not exist) and delete the old one (which must still exist). Returns false when the old one is
     * gone. The token is the transaction's {@code ClientRequestToken} (DynamoDB answers a retry of
     * an applied transaction with success); a store that does not honour it refuses the retry, and
     * the new item's token tells this rotation's own write from another's.
     */
    boolean rotate(SessionKey oldKey, StoredSession renamed, WriteToken token) {
        Map<String, AttributeValue> item = new HashMap<>(mapping.toItem(renamed));
        item.put(WriteToken.ATTRIBUTE, token.attribute());
        Map<String, String> names = Map.of("#pk", layout.partitionKey());
        try {
            calls.call("TransactWriteItems", client -> client.transactWriteItems(b -> b
                    .clientRequestToken(token.value())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                    put -> put.put(p -> p.tableName(layout.table()).item(item)
                            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(names)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                    delete -> delete.delete(d -> d.tableName(layout.table()).key(layout.key(oldKey.value()))
                            .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names)))),
                    response -> response.consumedCapacity());
        } catch (TransactionCanceledException e) {
            if (!ownRotation(e, renamed.key(), token)) {
                return false;
            }
        }
        statistics.written(ItemMapping.beanBytes(item));
        cache.remove(oldKey.value());
        cache.put(renamed);
        return true;
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

    // Whether a refused rotation is this save's own, applied by an attempt whose answer was lost.
    private boolean ownRotation(TransactionCanceledException e, SessionKey newKey, WriteToken token) {
        if (e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                && e.cancellationReasons().get(0).hasItem() && !e.cancellationReasons().get(0).item().isEmpty()) {
            return token.marks(e.cancellationReasons().get(0).item());
        }
        return get(newKey, false).map(token::marks).orElse(false);
    }

    // The cache keeps only states known exactly: written under a version condition, or just read back.
    private SaveResult conditionalUpdate(StoredSession after, UpdateExpression expression, WriteGuard guard,
                                         WriteToken token, SaveResult.Kind written) {
        SessionKey sessionKey = after.key();
        String key = sessionKey.value();
        try {
            calls.call("UpdateItem", client -> client.updateItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .updateExpression(expression.update())
                    .conditionExpression(expression.condition())
                    .expressionAttributeNames(expression.names())
                    .expressionAttributeValues(expression.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity()));
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
        return new SaveResult(written, after);
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    void delete(SessionKey key) {
        cache.remove(key.value());
        calls.call("DeleteItem", client -> client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key.value()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity()));
    }
}
