package io.dysession.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallPath.Limits;
import io.dysession.internal.store.TableLayout;

/**
 * Creates, describes and deletes the session table: on-demand billing unless provisioned capacity
 * is asked for, TTL enabled on the expiry attribute, and the caller index of logged-in sessions.
 * Every call goes through the call path with the administration limits.
 */
public final class TableAdmin {

    private static final Logger LOG = Logger.getLogger(TableAdmin.class.getName());

    private final CallPath calls;
    private final TableLayout layout;
    private volatile boolean callerIndexFound;

    public TableAdmin(CallPath calls, TableLayout layout) {
        this.calls = calls;
        this.layout = layout;
    }

    public TableLayout layout() {
        return layout;
    }

    /** Creates the table unless it exists, and waits until it is ACTIVE. Safe to run from many servers. */
    public void createIfMissing() {
        if (calls.describeTable(Limits.ADMINISTRATION).isPresent()) {
            if (createCallerIndex(Optional.empty())) {
                LOG.info(() -> "dysession added the index '" + layout.callerIndex() + "' to DynamoDB table '"
                        + layout.table() + "'");
            }
            return;
        }
        create(Optional.empty());
        awaitActive();
        enableTtl();
        LOG.info(() -> "dysession created DynamoDB table '" + layout.table() + "' with TTL on '"
                + layout.ttlAttribute() + "' and the index '" + layout.callerIndex() + "'");
    }

    /** The table and its TTL setting as DynamoDB describes them; empty when there is no such table. */
    public Optional<DescribedTable> describe() {
        return calls.describeTable(Limits.ADMINISTRATION).map(table -> DescribedTable.of(table, timeToLive()));
    }

    /** The table status for health checks, within the session calls' limits; throws when DynamoDB does not answer. */
    public Optional<TableStatus> status() {
        return calls.describeTable(Limits.CLIENT).map(TableDescription::tableStatus);
    }

    /**
     * Fails with what to do when the table has no caller index; checked with one
     * {@code DescribeTable} until the index is found.
     */
    public void requireCallerIndex() {
        if (callerIndexFound) {
            return;
        }
        callerIndexFound = calls.describeTable(Limits.CLIENT)
                .map(table -> DescribedTable.of(table, null).callerIndexStatus(layout).isPresent()).orElse(false);
        if (!callerIndexFound) {
            throw new IllegalStateException(CallerIndexSchema.missingMessage(layout));
        }
    }

    /**
     * Sends {@code CreateTable} with the layout's key schema, on-demand unless {@code capacity} is given.
     * Returns false when the table exists already (another server or operator created it first).
     */
    public boolean create(Optional<ProvisionedThroughput> capacity) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        keys.add(KeySchemaElement.builder().attributeName(layout.partitionKey()).keyType(KeyType.HASH).build());
        layout.sortKey().ifPresent(sortKey -> {
            attributes.add(stringAttribute(sortKey));
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        });
        attributes.add(CallerIndexSchema.attribute(layout));
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(layout.table())
                .attributeDefinitions(attributes).keySchema(keys)
                .globalSecondaryIndexes(CallerIndexSchema.index(layout, capacity));
        capacity.ifPresentOrElse(throughput -> request.billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(throughput), () -> request.billingMode(BillingMode.PAY_PER_REQUEST));
        return calls.administer("CreateTable", Limits.ADMINISTRATION, (client, limits) -> {
            try {
                client.createTable(request.overrideConfiguration(limits).build());
                return true;
            } catch (ResourceInUseException e) {
                return false;
            }
        });
    }

    /**
     * Adds the caller index to an existing table with {@code UpdateTable}, unless the table has it.
     * DynamoDB builds ("backfills") it in the background; the registry can use it once it is ACTIVE.
     * Returns true when it sent {@code UpdateTable}.
     */
    public boolean createCallerIndex(Optional<ProvisionedThroughput> capacity) {
        if (describe().map(table -> table.callerIndexStatus(layout).isPresent()).orElse(false)) {
            return false;
        }
        // Every key attribute, not only the index's: some DynamoDB-compatible stores replace the
        // table's attribute definitions with the list UpdateTable sends.
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        layout.sortKey().ifPresent(sortKey -> attributes.add(stringAttribute(sortKey)));
        attributes.add(CallerIndexSchema.attribute(layout));
        return calls.administer("UpdateTable", Limits.ADMINISTRATION, (client, limits) -> {
            client.updateTable(b -> b.tableName(layout.table()).overrideConfiguration(limits)
                    .attributeDefinitions(attributes)
                    .globalSecondaryIndexUpdates(update -> update.create(CallerIndexSchema.create(layout, capacity))));
            return true;
        });
    }

    /** Waits until the table is ACTIVE (DynamoDB's waiter: up to about 8 minutes). */
    public void awaitActive() {
        calls.await("DescribeTable", client -> client.waiter().waitUntilTableExists(b -> b.tableName(layout.table())));
    }

    /**
     * Enables TTL on the expiry attribute unless it is enabled (or being enabled) already, which
     * DynamoDB would refuse. Returns true when it sent {@code UpdateTimeToLive}.
     */
    public boolean enableTtl() {
        TimeToLiveDescription ttl = timeToLive();
        if (ttl != null && layout.ttlAttribute().equals(ttl.attributeName())
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                    || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
            return false;
        }
        return calls.administer("UpdateTimeToLive", Limits.ADMINISTRATION, (client, limits) -> {
            try {
                client.updateTimeToLive(b -> b.tableName(layout.table()).overrideConfiguration(limits)
                        .timeToLiveSpecification(spec -> spec.attributeName(layout.ttlAttribute()).enabled(true)));
                return true;
            } catch (DynamoDbException e) {
                // Another server enabled it between our check and our request: that is the state we want.
                if (e.getMessage() != null && e.getMessage().contains("already enabled")) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Deletes the table, every session with it, and waits until it is gone. */
    public void delete() {
        calls.administer("DeleteTable", Limits.ADMINISTRATION,
                (client, limits) -> client.deleteTable(b -> b.tableName(layout.table()).overrideConfiguration(limits)));
        calls.await("DeleteTable", client -> client.waiter().waitUntilTableNotExists(b -> b.tableName(layout.table())));
    }

    // Null when the store does not support TTL (some DynamoDB-compatible stores).
    private TimeToLiveDescription timeToLive() {
        return calls.administer("DescribeTimeToLive", Limits.ADMINISTRATION, (client, limits) -> {
            try {
                return client.describeTimeToLive(b -> b.tableName(layout.table()).overrideConfiguration(limits))
                        .timeToLiveDescription();
            } catch (ResourceNotFoundException e) {
                throw e;
            } catch (DynamoDbException e) {
                return null;
            }
        });
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
