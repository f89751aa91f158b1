package io.dysession.internal.dynamodb;

import java.time.Duration;

import io.dysession.DySessionStoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns AWS SDK failures into {@link DySessionStoreException}s that say where and what to do;
 * those worth retrying later (timeouts, refused connections, throttling, 5xx, a missing table)
 * as {@link StoreUnavailableException}.
 */
final class CallFailures {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final StoreLocation location;

    CallFailures(StoreLocation location) {
        this.location = location;
    }

    /** Whether {@code e} says DynamoDB is not serving (rather than answering no to this request). */
    static boolean unavailable(SdkException e) {
        return e instanceof SdkClientException || e instanceof ResourceNotFoundException
                || e instanceof AwsServiceException service
                        && (service.isThrottlingException() || service.statusCode() >= 500);
    }

    DySessionStoreException translate(String operation, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return unavailable("DynamoDB " + location + " does not exist. Create it (set "
                    + "dysession.table.auto-create=true, or run the table set-up from the README) or point "
                    + "dysession.table.name at an existing table.", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return unavailable("DynamoDB " + location + " did not answer " + operation + " in time: " + e.getMessage()
                    + " (dysession.dynamodb.call-timeout, dysession.dynamodb.attempt-timeout).", e);
        }
        if (e instanceof SdkClientException) {
            return unavailable("Cannot reach DynamoDB for " + location + " (" + operation + "): "
                    + e.getMessage() + " Check dysession.dynamodb.endpoint, dysession.dynamodb.region and the "
                    + "network.", e);
        }
        if (e instanceof AwsServiceException service && service.isThrottlingException()) {
            return unavailable("DynamoDB throttled " + operation + " on " + location + " after "
                    + "dysession.dynamodb.max-attempts attempts: " + e.getMessage() + " Raise the table's capacity "
                    + "or use on-demand billing.", e);
        }
        if (unavailable(e)) {
            return unavailable("DynamoDB failed " + operation + " on " + location + ": " + e.getMessage(), e);
        }
        return new DySessionStoreException("DynamoDB refused " + operation + " on " + location + ": "
                + e.getMessage(), e);
    }

    private static StoreUnavailableException unavailable(String message, SdkException cause) {
        return new StoreUnavailableException(message, cause, RETRY_AFTER, false);
    }
}
