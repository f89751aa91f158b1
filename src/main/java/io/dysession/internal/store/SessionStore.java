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

/**
 * Reads and writes session items. Every write is conditioned on the item's existence, so a
 * session deleted by another request is never resurrected and a new one never overwrites.
 */
public final class SessionStore {

    private final DynamoDbClient client;
    private final TableLayout layout;
    private final boolean consistentRead;
    private final StoreFailures failures;

    public SessionStore(DynamoDbClient client, TableLayout layout, boolean consistentRead, StoreLocation location) {
        this.client = client;
        this.layout = layout;
        this.consistentRead = consistentRead;
        this.failures = new StoreFailures(location);
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
        return Optional.of(ItemMapping.fromItem(key, response.item(), layout));
    }

    /** One {@code PutItem} that fails (returns false) when an item with this key exists. */
    public boolean create(StoredSession session) {
        try {
            client.putItem(b -> b.tableName(layout.table()).item(ItemMapping.toItem(session, layout))
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
     * and expiry times and the version. Returns false when the item no longer exists.
     */
    public boolean update(String key, Map<String, String> changed, Set<String> removed, long accessed, long expires) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringJoiner set = timesAndVersion(names, values, accessed, expires);
        names.put("#beans", TableLayout.BEANS);
        int i = 0;
        for (Map.Entry<String, String> bean : changed.entrySet()) {
            names.put("#b" + i, bean.getKey());
            values.put(":b" + i, AttributeValue.fromS(bean.getValue()));
            set.add("#beans.#b" + i + " = :b" + i);
            i++;
        }
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
        for (String bean : removed) {
            names.put("#b" + i, bean);
            remove.add("#beans.#b" + i);
            i++;
        }
        return conditionalUpdate(key, set.toString() + remove, names, values);
    }

    /** Moves only the access and expiry times; returns false when the item no longer exists. */
    public boolean touch(String key, long accessed, long expires) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        return conditionalUpdate(key, timesAndVersion(names, values, accessed, expires).toString(), names, values);
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    public void delete(String key) {
        try {
            client.deleteItem(b -> b.tableName(layout.table()).key(layout.key(key)));
        } catch (SdkException e) {
            throw failures.translate("DeleteItem", e);
        }
    }

    private StringJoiner timesAndVersion(Map<String, String> names, Map<String, AttributeValue> values,
                                         long accessed, long expires) {
        names.put("#pk", layout.partitionKey());
        names.put("#acc", TableLayout.ACCESSED);
        names.put("#ttl", layout.ttlAttribute());
        names.put("#ver", TableLayout.VERSION);
        values.put(":acc", AttributeValue.fromN(Long.toString(accessed)));
        values.put(":ttl", AttributeValue.fromN(Long.toString(expires)));
        values.put(":one", AttributeValue.fromN("1"));
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.add("#acc = :acc").add("#ttl = :ttl").add("#ver = #ver + :one");
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
