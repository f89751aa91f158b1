package io.dysession.internal.store;

import java.util.function.BooleanSupplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Asks DynamoDB whether the session table is there and ACTIVE, for health checks.
 */
public final class TableProbe {

    private final DynamoDbClient client;
    private final StoreLocation location;
    private final BooleanSupplier failingFast;

    /** @param failingFast whether session calls currently fail fast (then the probe reports DOWN) */
    public TableProbe(DynamoDbClient client, StoreLocation location, BooleanSupplier failingFast) {
        this.client = client;
        this.location = location;
        this.failingFast = failingFast;
    }

    /** True while DynamoDB has been failing and session calls fail at once. */
    public boolean failingFast() {
        return failingFast.getAsBoolean();
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
