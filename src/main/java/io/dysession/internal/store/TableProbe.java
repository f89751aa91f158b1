package io.dysession.internal.store;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Asks DynamoDB whether the session table is there and ACTIVE, for health checks.
 */
public final class TableProbe {

    private final DynamoDbClient client;
    private final StoreLocation location;

    public TableProbe(DynamoDbClient client, StoreLocation location) {
        this.client = client;
        this.location = location;
    }

    public StoreLocation location() {
        return location;
    }

    /** The table status (ACTIVE when all is well); throws a message naming table, region and endpoint otherwise. */
    public TableStatus status() {
        try {
            return client.describeTable(b -> b.tableName(location.table())).table().tableStatus();
        } catch (SdkException e) {
            throw new StoreFailures(location).translate("DescribeTable", e);
        }
    }
}
