package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.dysession.internal.config.TableSettings;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Names and key values of the session table: which attributes hold what.
 *
 * @param table         table name
 * @param partitionKey  partition key attribute (S)
 * @param sortKey       sort key attribute (S), for tables that have one
 * @param sortKeyValue  constant sort key value of session items
 * @param ttlAttribute  expiry attribute (N, epoch seconds)
 * @param callerIndex   the sparse global secondary index of logged-in sessions by caller digest
 */
public record TableLayout(String table, String partitionKey, Optional<String> sortKey, String sortKeyValue,
                          String ttlAttribute, String callerIndex) {

    /** The layout the table settings describe. */
    public static TableLayout of(TableSettings settings) {
        return new TableLayout(settings.name(), settings.partitionKey(), settings.sortKey(), settings.sortKeyValue(),
                settings.ttlAttribute(), settings.callerIndex());
    }

    /** The caller index's key attribute (S): the digest of a logged-in session's caller. */
    public String callerAttribute() {
        return ItemMapping.CALLER;
    }

    /** The primary key of the item with this partition key value. */
    public Map<String, AttributeValue> key(String partitionKeyValue) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(partitionKey, AttributeValue.fromS(partitionKeyValue));
        sortKey.ifPresent(name -> key.put(name, AttributeValue.fromS(sortKeyValue)));
        return key;
    }
}
