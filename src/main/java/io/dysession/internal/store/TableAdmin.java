package io.dysession.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the session table: on-demand billing, TTL enabled on the expiry attribute.
 */
public final class TableAdmin {

    private static final Logger LOG = Logger.getLogger(TableAdmin.class.getName());

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
        try {
            if (exists()) {
                return;
            }
            create();
            client.waiter().waitUntilTableExists(b -> b.tableName(layout.table()));
            client.updateTimeToLive(b -> b.tableName(layout.table())
                    .timeToLiveSpecification(ttl -> ttl.attributeName(layout.ttlAttribute()).enabled(true)));
            LOG.info(() -> "dysession created DynamoDB table '" + layout.table() + "' with TTL on '"
                    + layout.ttlAttribute() + "'");
        } catch (SdkException e) {
            throw failures.translate("table creation", e);
        }
    }

    private boolean exists() {
        try {
            client.describeTable(b -> b.tableName(layout.table()));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        keys.add(KeySchemaElement.builder().attributeName(layout.partitionKey()).keyType(KeyType.HASH).build());
        layout.sortKey().ifPresent(sortKey -> {
            attributes.add(stringAttribute(sortKey));
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        });
        try {
            client.createTable(b -> b.tableName(layout.table()).attributeDefinitions(attributes).keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException e) {
            // another server created it first; waiting for ACTIVE is all that is left
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
