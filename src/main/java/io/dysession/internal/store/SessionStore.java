package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
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

    public SessionStore(DynamoDbClient client, TableLayout layout, boolean consistentRead, StoreLocation location,
                        int compressionThreshold) {
        this.client = client;
        this.layout = layout;
        this.consistentRead = consistentRead;
        this.failures = new StoreFailures(location);
        this.encoding = new BeanEncoding(compressionThreshold);
        this.mapping = new ItemMapping(layout, encoding);
    }

    /** One {@code GetItem}; empty when there is no such item. Expiry is the caller's to judge. */
    public Optional<StoredSession> find(String key) {
        GetItemResponse response;
        try {
            response = client.getItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .consistentRead(consistentRead));
        } catch (SdkException e) {
            throw failures.translate("GetItem", e);
        }
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mapping.fromItem(key, response.item()));
    }

    /** One {@code PutItem} that fails (returns false) when an item with this key exists. */
    public boolean create(StoredSession session) {
        Map<String, AttributeValue> item = mapping.toItem(session);
        try {
            client.putItem(b -> b.tableName(layout.table()).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failures.translate("PutItem", e);
        }
    }

    /**
     * One {@code UpdateItem}: sets the changed beans, removes the destroyed ones, moves the access
     * and expiry times, the timeout and the version. Returns false when the item no longer exists.
     *
     * @param after   the session as it is after the write
     * @param changed the beans to set, a subset of {@code after.beans()}
     * @param removed the beans to remove
     */
    public boolean update(StoredSession after, Map<String, String> changed, Set<String> removed) {
        Map<String, AttributeValue> encoded = mapping.encode(changed);
        checkSize(encoded, after.beans());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringJoiner set = timesAndVersion(names, values, after);
        if (!encoded.isEmpty() || !removed.isEmpty()) {
            names.put("#beans", ItemMapping.BEANS);
        }
        int i = 0;
        for (Map.Entry<String, AttributeValue> bean : encoded.entrySet()) {
            names.put("#b" + i, bean.getKey());
            values.put(":b" + i, bean.getValue());
            set.add("#beans.#b" + i + " = :b" + i);
            i++;
        }
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
        for (String bean : removed) {
            names.put("#b" + i, bean);
            remove.add("#beans.#b" + i);
            i++;
        }
        return conditionalUpdate(after.key(), set.toString() + remove, names, values);
    }

    /** Moves only the access and expiry times; returns false when the item no longer exists. */
    public boolean touch(StoredSession after) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        return conditionalUpdate(after.key(), timesAndVersion(names, values, after).toString(), names, values);
    }

    /**
     * Moves a session to a new key in one {@code TransactWriteItems}: put the new item (which must
     * not exist) and delete the old one (which must still exist). Returns false when the old one is gone.
     */
    public boolean rotate(String oldKey, StoredSession renamed) {
        Map<String, AttributeValue> item = mapping.toItem(renamed);
        Map<String, String> names = Map.of("#pk", layout.partitionKey());
        try {
            client.transactWriteItems(b -> b.transactItems(
                    put -> put.put(p -> p.tableName(layout.table()).item(item)
                            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(names)),
                    delete -> delete.delete(d -> d.tableName(layout.table()).key(layout.key(oldKey))
                            .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names))));
            return true;
        } catch (TransactionCanceledException e) {
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
        try {
            client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key)));
        } catch (SdkException e) {
            throw failures.translate("DeleteItem", e);
        }
    }

    // Unchanged beans count at their uncompressed size, an upper bound; compressed only when that is not enough.
    private void checkSize(Map<String, AttributeValue> changed, Map<String, String> all) {
        Map<String, AttributeValue> bound = new HashMap<>();
        all.forEach((bean, json) -> bound.put(bean, changed.getOrDefault(bean, AttributeValue.fromS(json))));
        if (!ItemSize.fits(bound)) {
            ItemSize.check(mapping.encode(all));
        }
    }

    private StringJoiner timesAndVersion(Map<String, String> names, Map<String, AttributeValue> values,
                                         StoredSession after) {
        names.put("#pk", layout.partitionKey());
        names.put("#acc", ItemMapping.ACCESSED);
        names.put("#ttl", layout.ttlAttribute());
        names.put("#ver", ItemMapping.VERSION);
        values.put(":acc", ItemMapping.number(after.accessed()));
        values.put(":ttl", ItemMapping.number(after.expires()));
        values.put(":one", ItemMapping.number(1));
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.add("#acc = :acc").add("#ttl = :ttl").add("#ver = #ver + :one");
        if (after.timeout() > 0) {
            names.put("#to", ItemMapping.TIMEOUT);
            values.put(":to", ItemMapping.number(after.timeout()));
            set.add("#to = :to");
        }
        return set;
    }

    private boolean conditionalUpdate(String key, String expression, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
        try {
            client.updateItem(b -> b.tableName(layout.table()).key(layout.key(key))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failures.translate("UpdateItem", e);
        }
    }
}
