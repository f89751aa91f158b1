package io.dysession.internal.store;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import io.dysession.internal.config.ClientSettings;
import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.TableSettings;

/**
 * Reads and writes session items. Every write is conditioned on the item's existence, so a
 * session deleted by another request is never resurrected and a new one never overwrites.
 * Writes that would exceed the item size limit fail before anything is sent.
 */
public final class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    private final StoreCalls calls;
    private final TableLayout layout;
    private final SessionKeys keys;
    private final boolean consistentRead;
    private final ItemMapping mapping;
    private final SessionCache cache;
    private final StoreStatistics statistics;
    private final SessionWriter writer;

    private SessionStore(DynamoDbClient client, StoreLocation location, TableSettings table, boolean consistentRead,
                         SessionCache cache, StoreStatistics statistics, FailFast failFast, SessionWriter writer) {
        this.calls = new StoreCalls(client, location, statistics, failFast);
        this.layout = TableLayout.of(table);
        this.keys = new SessionKeys(table.keyPrefix());
        this.consistentRead = consistentRead;
        this.mapping = new ItemMapping(layout, new BeanEncoding(table.compressionThreshold()));
        this.cache = cache;
        this.statistics = statistics;
        this.writer = writer;
    }

    /** The store the settings describe, reading and writing through {@code client}. */
    public static SessionStore open(DynamoDbClient client, StoreLocation location, Settings settings,
                                    StoreStatistics statistics, Clock clock) {
        SessionCache cache = settings.cache().enabled()
                ? new SessionCache(settings.cache().maxEntries(), settings.cache().maxStaleness(), clock)
                : SessionCache.NONE;
        ClientSettings.Limits limits = settings.client().limits();
        FailFast failFast = new FailFast(limits.failFastAfter(), limits.failFastFor(), location, statistics, clock);
        return new SessionStore(client, location, settings.table(), settings.client().consistentRead(), cache,
                statistics, failFast, new SessionWriter(settings.timing(), settings.concurrency() == ConcurrencyMode.STRICT,
                        clock));
    }

    /** A store for support tools that only read: strongly consistent, no cache, expired items included. */
    public static SessionStore reader(DynamoDbClient client, TableSettings table, StoreLocation location) {
        StoreStatistics statistics = new StoreStatistics();
        return new SessionStore(client, location, table, true, SessionCache.NONE, statistics,
                FailFast.off(location, statistics), null);
    }

    /** Names and key values of the table. */
    public TableLayout layout() {
        return layout;
    }

    /** How session ids become item keys, public digests and log references. */
    public SessionKeys keys() {
        return keys;
    }

    /** The counters of this store's DynamoDB calls. */
    public StoreStatistics statistics() {
        return statistics;
    }

    /**
     * The session with this key; empty when there is no such item. Expiry is the caller's to judge.
     * Without a cache: one {@code GetItem}. With one: nothing while the cached copy is fresh enough,
     * else a {@code GetItem} of the version only, and the whole item when the version moved.
     */
    public Optional<StoredSession> find(String key) {
        StoredSession fresh = cache.fresh(key);
        if (fresh != null) {
            return Optional.of(fresh);
        }
        StoredSession cached = cache.any(key);
        if (cached != null) {
            Optional<Map<String, AttributeValue>> current = get(key, true);
            if (current.isEmpty()) {
                cache.remove(key);
                return Optional.empty();
            }
            if (readable(key, current.get(), () -> ItemMapping.versionOf(current.get())).orElse(-1L)
                    == cached.version()) {
                cache.put(cached);
                return Optional.of(cached);
            }
        }
        Optional<StoredSession> loaded = get(key, false)
                .flatMap(item -> readable(key, item, () -> mapping.fromItem(key, item)));
        loaded.ifPresentOrElse(cache::put, () -> cache.remove(key));
        return loaded;
    }

    /**
     * Writes what a request did to the session it loaded ({@code loaded}, null for a new one): a new
     * session with {@code PutItem}, an existing one with one {@code UpdateItem} of the changed beans
     * (retried on top of what other requests wrote meanwhile), a touch when only the expiry is due,
     * a rotation with one transaction; else nothing.
     */
    public SaveResult save(StoredSession loaded, SessionDelta delta) {
        if (writer == null) {
            throw new IllegalStateException("This session store only reads.");
        }
        return writer.save(this, loaded, delta);
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    public void delete(String key) {
        cache.remove(key);
        calls.call("DeleteItem", client -> client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> StoreCalls.one(response.consumedCapacity()));
    }

    boolean caches() {
        return cache.enabled();
    }

    /** One {@code PutItem} that fails (returns false) when an item with this key exists. */
    boolean create(StoredSession session) {
        Map<String, AttributeValue> item = mapping.toItem(session);
        try {
            calls.call("PutItem", client -> client.putItem(b -> b.tableName(layout.table()).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey()))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> StoreCalls.one(response.consumedCapacity()));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        statistics.written(ItemMapping.beanBytes(item));
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
     */
    WriteOutcome update(StoredSession after, Map<String, String> changed, Set<String> removed, WriteGuard guard) {
        Map<String, AttributeValue> encoded = mapping.encode(changed);
        mapping.checkSize(encoded, after.beans());
        UpdateExpression expression = new UpdateExpression(layout, after);
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
    WriteOutcome touch(StoredSession after, WriteGuard guard) {
        UpdateExpression expression = new UpdateExpression(layout, after);
        expression.guard(guard);
        return conditionalUpdate(after, expression, guard);
    }

    /**
     * Moves a session to a new key in one {@code TransactWriteItems}: put the new item (which must
     * not exist) and delete the old one (which must still exist). Returns false when the old one is gone.
     */
    boolean rotate(String oldKey, StoredSession renamed) {
        Map<String, AttributeValue> item = mapping.toItem(renamed);
        Map<String, String> names = Map.of("#pk", layout.partitionKey());
        try {
            calls.call("TransactWriteItems", client -> client.transactWriteItems(b -> b
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                    put -> put.put(p -> p.tableName(layout.table()).item(item)
                            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(names)),
                    delete -> delete.delete(d -> d.tableName(layout.table()).key(layout.key(oldKey))
                            .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names)))),
                    response -> response.consumedCapacity());
        } catch (TransactionCanceledException e) {
            return false;
        }
        statistics.written(ItemMapping.beanBytes(item));
        cache.remove(oldKey);
        cache.put(renamed);
        return true;
    }

    private Optional<Map<String, AttributeValue>> get(String key, boolean versionOnly) {
        GetItemResponse response = calls.call("GetItem", client -> client.getItem(b -> {
            b.tableName(layout.table()).key(layout.key(key)).consistentRead(consistentRead)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (versionOnly) {
                b.projectionExpression("#ver").expressionAttributeNames(Map.of("#ver", ItemMapping.VERSION));
            }
        }), found -> StoreCalls.one(found.consumedCapacity()));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(response.item());
    }

    /**
     * What {@code read} makes of an item, or empty when the item does not fit the layout: such an
     * item is no session (a fresh one gets a fresh id), is never written to, and is left in place,
     * since it may be a newer version's layout during a rolling deployment; TTL or purge removes it.
     */
    private <T> Optional<T> readable(String key, Map<String, AttributeValue> item, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ItemLayoutException e) {
            statistics.corruptItem();
            LOG.warning(() -> "dysession ignores the stored item of session " + keys.logSafePrefix(key) + " in "
                    + layout.table() + ": " + e.getMessage() + ". It does not fit the session item layout, so it "
                    + "counts as no session and is left as it is.");
            return Optional.empty();
        }
    }

    // The cache keeps only states known exactly: written under a version condition, or just read back.
    private WriteOutcome conditionalUpdate(StoredSession after, UpdateExpression expression, WriteGuard guard) {
        String key = after.key();
        try {
            calls.call("UpdateItem", client -> client.updateItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .updateExpression(expression.update())
                    .conditionExpression(expression.condition())
                    .expressionAttributeNames(expression.names())
                    .expressionAttributeValues(expression.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> StoreCalls.one(response.consumedCapacity()));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                cache.remove(key);
                return WriteOutcome.GONE;
            }
            Optional<StoredSession> current = readable(key, e.item(), () -> mapping.fromItem(key, e.item()));
            if (current.isEmpty()) {
                cache.remove(key);
                return WriteOutcome.GONE;
            }
            cache.put(current.get());
            return new WriteOutcome(WriteOutcome.Kind.CHANGED, current.get());
        }
        if (guard.expectedVersion() != null) {
            cache.put(after);
        } else {
            cache.remove(key);
        }
        return WriteOutcome.WRITTEN;
    }
}
