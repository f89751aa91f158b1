package io.dysession.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import io.dysession.internal.store.TableLayout;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * The session table as DynamoDB describes it, and how it differs from a {@link TableLayout}.
 *
 * @param status         table status, such as ACTIVE or CREATING
 * @param billingMode    PAY_PER_REQUEST or PROVISIONED
 * @param readCapacity   provisioned read capacity units (0 for on-demand tables)
 * @param writeCapacity  provisioned write capacity units (0 for on-demand tables)
 * @param partitionKey   the partition key
 * @param sortKey        the sort key, when the table has one
 * @param ttlStatus      ENABLED, ENABLING, DISABLED, DISABLING, or UNAVAILABLE when the store does not say
 * @param ttlAttribute   the attribute TTL is (being) enabled on
 * @param itemCount      item count, an estimate DynamoDB refreshes about every six hours
 * @param sizeBytes      table size in bytes, refreshed like the item count
 * @param indexes        the global secondary indexes: name to status (such as ACTIVE or CREATING)
 */
public record DescribedTable(String status, String billingMode, long readCapacity, long writeCapacity,
                               KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, String ttlStatus,
                               Optional<String> ttlAttribute, long itemCount, long sizeBytes,
                               Map<String, String> indexes) {

    public DescribedTable {
        indexes = Map.copyOf(indexes);
    }

    /** The status of the caller index (such as ACTIVE or CREATING); empty when the table does not have it. */
    public Optional<String> callerIndexStatus(TableLayout layout) {
        return Optional.ofNullable(indexes.get(layout.callerIndex()));
    }

    /** The type dysession gives its key attributes. */
    private static final String STRING = "S";

    /** A key attribute and its scalar type (S, N or B). */
    public record KeyAttribute(String name, String type) {

        @Override
        public String toString() {
            return "'" + name + "' (" + type + ")";
        }
    }

    static DescribedTable of(TableDescription table,
                               TimeToLiveDescription ttl) {
        KeyAttribute partitionKey = null;
        KeyAttribute sortKey = null;
        for (KeySchemaElement key : table.keySchema()) {
            KeyAttribute attribute = new KeyAttribute(key.attributeName(), type(table, key.attributeName()));
            if (key.keyType() == KeyType.HASH) {
                partitionKey = attribute;
            } else {
                sortKey = attribute;
            }
        }
        // Tables created before on-demand billing existed have no billing mode summary: they are provisioned.
        String billingMode = table.billingModeSummary() != null && table.billingModeSummary().billingMode() != null
                ? table.billingModeSummary().billingModeAsString() : "PROVISIONED";
        long read = table.provisionedThroughput() == null ? 0 : orZero(table.provisionedThroughput().readCapacityUnits());
        long write = table.provisionedThroughput() == null ? 0
                : orZero(table.provisionedThroughput().writeCapacityUnits());
        String ttlStatus = ttl == null || ttl.timeToLiveStatus() == null ? "UNAVAILABLE" : ttl.timeToLiveStatusAsString();
        Optional<String> ttlAttribute = ttl == null ? Optional.empty() : Optional.ofNullable(ttl.attributeName());
        Map<String, String> indexes = new TreeMap<>();
        if (table.hasGlobalSecondaryIndexes()) {
            table.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(),
                    index.indexStatus() == null ? "ACTIVE" : index.indexStatusAsString()));
        }
        return new DescribedTable(table.tableStatusAsString(), billingMode, read, write, partitionKey,
                Optional.ofNullable(sortKey), ttlStatus, ttlAttribute, orZero(table.itemCount()),
                orZero(table.tableSizeBytes()), indexes);
    }

    /**
     * How this table's key schema differs from the layout, one phrase each, such as
     * "has partition key 'id' (S) but dysession is configured for 'PK' (S)"; empty when they match.
     */
    public List<String> keySchemaDifferences(TableLayout layout) {
        List<String> differences = new ArrayList<>();
        KeyAttribute expectedPartitionKey = new KeyAttribute(layout.partitionKey(), STRING);
        if (!expectedPartitionKey.equals(partitionKey)) {
            differences.add("has partition key " + partitionKey + " but dysession is configured for "
                    + expectedPartitionKey);
        }
        Optional<KeyAttribute> expectedSortKey = layout.sortKey().map(name -> new KeyAttribute(name, STRING));
        if (!expectedSortKey.equals(sortKey)) {
            differences.add((sortKey.isPresent() ? "has sort key " + sortKey.get() : "has no sort key")
                    + " but dysession is configured "
                    + expectedSortKey.map(key -> "for sort key " + key).orElse("without a sort key"));
        }
        return differences;
    }

    /** True when TTL is enabled, or being enabled, on the attribute dysession writes expiry to. */
    public boolean ttlEnabledOn(TableLayout layout) {
        return ("ENABLED".equals(ttlStatus) || "ENABLING".equals(ttlStatus))
                && ttlAttribute.equals(Optional.of(layout.ttlAttribute()));
    }

    /**
     * A phrase when TTL is enabled on another attribute than the one dysession writes expiry to
     * (DynamoDB allows one TTL attribute per table); empty otherwise.
     */
    public Optional<String> ttlDifference(TableLayout layout) {
        boolean enabled = "ENABLED".equals(ttlStatus) || "ENABLING".equals(ttlStatus);
        if (enabled && ttlAttribute.isPresent() && !ttlAttribute.get().equals(layout.ttlAttribute())) {
            return Optional.of("has TTL " + ttlStatus + " on '" + ttlAttribute.get()
                    + "' but dysession writes expiry to '" + layout.ttlAttribute() + "'");
        }
        return Optional.empty();
    }

    private static String type(TableDescription table, String name) {
        return table.attributeDefinitions().stream().filter(definition -> definition.attributeName().equals(name))
                .map(AttributeDefinition::attributeTypeAsString).findFirst().orElse("?");
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
