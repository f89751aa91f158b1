package io.dysession.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates, describes and deletes the session table: on-demand billing unless provisioned capacity
 * is asked for, TTL enabled on the expiry attribute, and the caller index of logged-in sessions.
 */
public final class TableAdmin {

    private static final Logger LOG = Logger.getLogger(TableAdmin.class.getName());
    // Table administration runs at deployment and in the CLI, not on a request: it may take longer than
    // the session calls' limits (dysession.dynamodb.call-timeout).
    private static final AwsRequestOverrideConfiguration SLOW = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(10)).build();

    private final DynamoDbClient client;
    private final TableLayout layout;
    private final StoreFailures failures;

    public TableAdmin(DynamoDbClient client, TableLayout layout, StoreLocation location) {
        this.client = client;
        this.layout = layout;
        this.failures = new StoreFailures(location);
    }

    /** Creates the table unless it exists, and waits until it is ACTIVE. Safe to run from many servers. */
    public void createIfMissing() {
        if (exists()) {
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
        TableDescription table;
        try {
            table = client.describeTable(b -> b.tableName(layout.table()).overrideConfiguration(SLOW)).table();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failures.translate("DescribeTable", e);
        }
        return Optional.of(DescribedTable.of(table, timeToLive()));
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
        try {
            client.createTable(request.overrideConfiguration(SLOW).build());
            return true;
        } catch (ResourceInUseException e) {
            return false;
        } catch (SdkException e) {
            throw failures.translate("CreateTable", e);
        }
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
        // Every key attribute, not only the index's: moto replaces the table's definitions with these.
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        layout.sortKey().ifPresent(sortKey -> attributes.add(stringAttribute(sortKey)));
        attributes.add(CallerIndexSchema.attribute(layout));
        try {
            client.updateTable(b -> b.tableName(layout.table())
                    .attributeDefinitions(attributes)
                    .globalSecondaryIndexUpdates(update -> update.create(CallerIndexSchema.create(layout, capacity))));
            return true;
        } catch (SdkException e) {
            throw failures.translate("UpdateTable", e);
        }
    }

    /** Waits until the table is ACTIVE (DynamoDB's waiter: up to about 8 minutes). */
    public void awaitActive() {
        try {
            client.waiter().waitUntilTableExists(b -> b.tableName(layout.table()));
        } catch (SdkException e) {
            throw failures.translate("DescribeTable", e);
        }
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
        try {
            client.updateTimeToLive(b -> b.tableName(layout.table()).overrideConfiguration(SLOW)
                    .timeToLiveSpecification(spec -> spec.attributeName(layout.ttlAttribute()).enabled(true)));
            return true;
        } catch (DynamoDbException e) {
            // Another server enabled it between our check and our request: that is the state we want.
            if (e.getMessage() != null && e.getMessage().contains("already enabled")) {
                return false;
            }
            throw failures.translate("UpdateTimeToLive", e);
        } catch (SdkException e) {
            throw failures.translate("UpdateTimeToLive", e);
        }
    }

    /** Deletes the table, every session with it, and waits until it is gone. */
    public void delete() {
        try {
            client.deleteTable(b -> b.tableName(layout.table()).overrideConfiguration(SLOW));
            client.waiter().waitUntilTableNotExists(b -> b.tableName(layout.table()));
        } catch (SdkException e) {
            throw failures.translate("DeleteTable", e);
        }
    }

    private boolean exists() {
        try {
            client.describeTable(b -> b.tableName(layout.table()).overrideConfiguration(SLOW));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw failures.translate("DescribeTable", e);
        }
    }

    // Null when the store does not support TTL (some DynamoDB-compatible stores).
    private TimeToLiveDescription timeToLive() {
        try {
            return client.describeTimeToLive(b -> b.tableName(layout.table()).overrideConfiguration(SLOW))
                    .timeToLiveDescription();
        } catch (ResourceNotFoundException e) {
            throw failures.translate("DescribeTimeToLive", e);
        } catch (DynamoDbException e) {
            return null;
        } catch (SdkException e) {
            throw failures.translate("DescribeTimeToLive", e);
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
