package io.dysession.internal.store;

import io.dysession.DySessionStoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns AWS SDK failures into {@link DySessionStoreException}s that say where and what to do.
 */
final class StoreFailures {

    private final StoreLocation location;

    StoreFailures(StoreLocation location) {
        this.location = location;
    }

    DySessionStoreException translate(String operation, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new DySessionStoreException("DynamoDB " + location + " does not exist. Create it (set "
                    + "dysession.table.auto-create=true, or run the table set-up from the README) or point "
                    + "dysession.table.name at an existing table.", e);
        }
        if (e instanceof SdkClientException) {
            return new DySessionStoreException("Cannot reach DynamoDB for " + location + " (" + operation + "): "
                    + e.getMessage() + " Check dysession.dynamodb.endpoint, dysession.dynamodb.region and the "
                    + "network.", e);
        }
        return new DySessionStoreException("DynamoDB refused " + operation + " on " + location + ": "
                + e.getMessage(), e);
    }
}
