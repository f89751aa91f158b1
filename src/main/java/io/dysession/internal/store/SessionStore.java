package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reads and writes session items. Every write is conditioned on the item's existence, so a
 * session deleted by another request is never resurrected and a new one never overwrites.
 * Writes that would exceed the item size limit fail before anything is sent.
 */
public final class SessionStore {

    private final DynamoDbClient client;
    private final TableLayout layout;
    private final boolean consistentRead;
    private final StoreFailures failures;
    private final BeanEncoding encoding;
    private final ItemMapping mapping;
    private final SessionCache cache;
    private final StoreStatistics statistics;

    public SessionStore(DynamoDbClient client, TableLayout layout, boolean consistentRead, StoreLocation location,
                        int compressionThreshold, SessionCache cache, StoreStatistics statistics) {
        this.cache = cache;
        this.statistics = statistics;
        this.client = client;
        this.layout = layout;
        this.consistentRead = consistentRead;
        this.failures = new StoreFailures(location);
        this.encoding = new BeanEncoding(compressionThreshold);
        this.mapping = new ItemMapping(layout, encoding);
    }

    /** A store for support tools that only read: strongly consistent, no cache, expired items included. */
    public static SessionStore reader(DynamoDbClient client, TableLayout layout, StoreLocation location) {
        return new SessionStore(client, layout, true, location, Integer.MAX_VALUE, null, new StoreStatistics());
    }

    /** True when sessions are cached: writes must then be conditioned on the version. */
    public boolean caches() {
        return cache != null;
    }

    /**
     * The session with this key; empty when there is no such item. Expiry is the caller's to judge.
     * Without a cache: one {@code GetItem}. With one: nothing while the cached copy is fresh enough,
     * else a {@code GetItem} of the version only, and the whole item when the version moved.
     */
    public Optional<StoredSession> find(String key) {
        if (cache == null) {
            return get(key, false);
        }
        StoredSession fresh = cache.fresh(key);
        if (fresh != null) {
            return Optional.of(fresh);
        }
        StoredSession cached = cache.any(key);
        if (cached != null) {
            Optional<StoredSession> current = get(key, true);
            if (current.isEmpty()) {
                cache.remove(key);
                return current;
            }
            if (current.get().version() == cached.version()) {
                cache.put(cached);
                return Optional.of(cached);
            }
        }
        Optional<StoredSession> loaded = get(key, false);
        loaded.ifPresentOrElse(cache::put, () -> cache.remove(key));
        return loaded;
    }

    private Optional<StoredSession> get(String key, boolean versionOnly) {
        GetItemResponse response;
        try {
            statistics.called("GetItem");
            response = client.getItem(b -> {
                b.tableName(layout.table()).key(layout.key(key)).consistentRead(consistentRead)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (versionOnly) {
                    b.projectionExpression("#ver").expressionAttributeNames(Map.of("#ver", ItemMapping.VERSION));
                }
            });
        } catch (SdkException e) {
            throw failures.translate("GetItem", e);
        }
        statistics.consumed(response.consumedCapacity());
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mapping.fromItem(key, response.item()));
    }

    /** One {@code PutItem} that fails (returns false) when an item with this key exists. */
    public boolean create(StoredSession session) {
        Map<String, AttributeValue> item = mapping.toItem(session);
        try {
            statistics.called("PutItem");
            statistics.consumed(client.putItem(b -> b.tableName(layout.table()).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey()))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            statistics.written(beanBytes(item));
            if (cache != null) {
                cache.put(session);
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            statistics.conditionalCheckFailed();
            return false;
        } catch (SdkException e) {
            throw failures.translate("PutItem", e);
        }
    }

    /**
     * One {@code UpdateItem}: sets the changed beans, removes the destroyed ones, moves the access
     * and expiry times, the timeout and the versions, conditioned as {@code guard} says.
     *
     * @param after   the session as it is after the write
     * @param changed the beans to set, a subset of {@code after.beans()}
     * @param removed the beans to remove
     */
    public WriteOutcome update(StoredSession after, Map<String, String> changed, Set<String> removed,
                               WriteGuard guard) {
        Map<String, AttributeValue> encoded = mapping.encode(changed);
        checkSize(encoded, after.beans());
        Expression expression = new Expression(layout, after);
        encoded.forEach(expression::setBean);
        removed.forEach(expression::removeBean);
        expression.guard(guard);
        WriteOutcome outcome = conditionalUpdate(after, expression, guard);
        if (outcome.kind() == WriteOutcome.Kind.WRITTEN) {
            encoded.values().forEach(value -> statistics.written(BeanEncoding.size(value)));
        }
        return outcome;
    }

    /** Moves only the access and expiry times (and the version), conditioned as {@code guard} says. */
    public WriteOutcome touch(StoredSession after, WriteGuard guard) {
        Expression expression = new Expression(layout, after);
        expression.guard(guard);
        return conditionalUpdate(after, expression, guard);
    }

    /**
     * Moves a session to a new key in one {@code TransactWriteItems}: put the new item (which must
     * not exist) and delete the old one (which must still exist). Returns false when the old one is gone.
     */
    public boolean rotate(String oldKey, StoredSession renamed) {
        Map<String, AttributeValue> item = mapping.toItem(renamed);
        Map<String, String> names = Map.of("#pk", layout.partitionKey());
        try {
            statistics.called("TransactWriteItems");
            client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                    put -> put.put(p -> p.tableName(layout.table()).item(item)
                            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(names)),
                    delete -> delete.delete(d -> d.tableName(layout.table()).key(layout.key(oldKey))
                            .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names))))
                    .consumedCapacity().forEach(statistics::consumed);
            statistics.written(beanBytes(item));
            if (cache != null) {
                cache.remove(oldKey);
                cache.put(renamed);
            }
            return true;
        } catch (TransactionCanceledException e) {
            statistics.conditionalCheckFailed();
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                return false;
            }
            throw failures.translate("TransactWriteItems", e);
        } catch (SdkException e) {
            throw failures.translate("TransactWriteItems", e);
        }
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    public void delete(String key) {
        if (cache != null) {
            cache.remove(key);
        }
        try {
            statistics.called("DeleteItem");
            statistics.consumed(client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (SdkException e) {
            throw failures.translate("DeleteItem", e);
        }
    }

    /** The counters this store and the sessions it serves keep. */
    public StoreStatistics statistics() {
        return statistics;
    }

    private static long beanBytes(Map<String, AttributeValue> item) {
        AttributeValue beans = item.get(ItemMapping.BEANS);
        return beans == null ? 0 : beans.m().values().stream().mapToLong(BeanEncoding::size).sum();
    }

    // Unchanged beans count at their uncompressed size, an upper bound; compressed only when that is not enough.
    private void checkSize(Map<String, AttributeValue> changed, Map<String, String> all) {
        Map<String, AttributeValue> bound = new HashMap<>();
        all.forEach((bean, json) -> bound.put(bean, changed.getOrDefault(bean, AttributeValue.fromS(json))));
        if (!ItemSize.fits(bound)) {
            ItemSize.check(mapping.encode(all));
        }
    }

    // The cache keeps only states known exactly: written under a version condition, or just read back.
    private WriteOutcome conditionalUpdate(StoredSession after, Expression expression, WriteGuard guard) {
        String key = after.key();
        try {
            statistics.called("UpdateItem");
            statistics.consumed(client.updateItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .updateExpression(expression.update())
                    .conditionExpression(expression.condition())
                    .expressionAttributeNames(expression.names())
                    .expressionAttributeValues(expression.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            if (cache != null) {
                if (guard.expectedVersion() != null) {
                    cache.put(after);
                } else {
                    cache.remove(key);
                }
            }
            return WriteOutcome.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            statistics.conditionalCheckFailed();
            if (!e.hasItem() || e.item().isEmpty()) {
                if (cache != null) {
                    cache.remove(key);
                }
                return WriteOutcome.GONE;
            }
            StoredSession current = mapping.fromItem(key, e.item());
            if (cache != null) {
                cache.put(current);
            }
            return new WriteOutcome(WriteOutcome.Kind.CHANGED, current);
        } catch (SdkException e) {
            throw failures.translate("UpdateItem", e);
        }
    }
}
