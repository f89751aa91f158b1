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
 * into a message that names table, region and endpoint.
 */
final class StoreCalls {

    private final DynamoDbClient client;
    private final StoreFailures failures;
    private final StoreStatistics statistics;

    StoreCalls(DynamoDbClient client, StoreLocation location, StoreStatistics statistics) {
        this.client = client;
        this.failures = new StoreFailures(location);
        this.statistics = statistics;
    }

    /**
     * @param operation  the DynamoDB operation's name, for the counters and messages
     * @param consumed   the capacity the response reports
     */
    <R> R call(String operation, Function<DynamoDbClient, R> request, Function<R, List<ConsumedCapacity>> consumed) {
        statistics.called(operation);
        try {
            R response = request.apply(client);
            consumed.apply(response).forEach(statistics::consumed);
            return response;
        } catch (ConditionalCheckFailedException e) {
            statistics.conditionalCheckFailed();
            throw e;
        } catch (TransactionCanceledException e) {
            statistics.conditionalCheckFailed();
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                throw e;
            }
            throw failures.translate(operation, e);
        } catch (SdkException e) {
            throw failures.translate(operation, e);
        }
    }

    static List<ConsumedCapacity> one(ConsumedCapacity consumed) {
        return Collections.singletonList(consumed);
    }
}
