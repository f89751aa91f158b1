package io.dysession.internal.admin;

import java.util.function.BooleanSupplier;

import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import io.dysession.internal.dynamodb.StoreLocation;

/**
 * Asks DynamoDB whether the session table is there and ACTIVE, for health checks.
 */
public final class TableProbe {

    private final TableAdmin admin;
    private final StoreLocation location;
    private final BooleanSupplier failingFast;

    /** @param failingFast whether session calls currently fail fast (then the probe reports DOWN) */
    public TableProbe(TableAdmin admin, StoreLocation location, BooleanSupplier failingFast) {
        this.admin = admin;
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
        return admin.status().orElseThrow(() -> new IllegalStateException("DynamoDB " + location
                + " does not exist."));
    }
}
