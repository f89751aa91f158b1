package io.dysession.internal.store;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one way the session store calls DynamoDB: counts the call and the capacity it consumed,
 * lets a refused condition through to the caller (counted), and turns every other SDK failure
 * into a message that names table, region and endpoint. Open {@link CallTrace}s see every call.
 */
final class StoreCalls {

    private final DynamoDbClient client;
    private final StoreFailures failures;
    private final StoreStatistics statistics;
    private final FailFast failFast;

    StoreCalls(DynamoDbClient client, StoreLocation location, StoreStatistics statistics, FailFast failFast) {
        this.client = client;
        this.failures = new StoreFailures(location);
        this.statistics = statistics;
        this.failFast = failFast;
    }

    /**
     * @param operation  the DynamoDB operation's name, for the counters and messages
     * @param consumed   the capacity the response reports
     */
    <R> R call(String operation, Function<DynamoDbClient, R> request, Function<R, List<ConsumedCapacity>> consumed) {
        failFast.admit(operation);
        statistics.called(operation);
        long started = System.nanoTime();
        try {
            R response = request.apply(client);
            failFast.succeeded();
            consumed.apply(response).forEach(statistics::consumed);
            return response;
        } catch (ConditionalCheckFailedException e) {
            failFast.succeeded();
            statistics.conditionalCheckFailed();
            throw e;
        } catch (TransactionCanceledException e) {
            failFast.succeeded();
            statistics.conditionalCheckFailed();
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                throw e;
            }
            throw failures.translate(operation, e);
        } catch (SdkException e) {
            if (StoreFailures.unavailable(e)) {
                statistics.failedCall();
                failFast.failed();
            } else {
                failFast.succeeded();
            }
            throw failures.translate(operation, e);
        } catch (RuntimeException e) {
            failFast.succeeded();
            throw e;
        } finally {
            CallTrace.called(operation, System.nanoTime() - started);
        }
    }

    static List<ConsumedCapacity> one(ConsumedCapacity consumed) {
        return Collections.singletonList(consumed);
    }
}
