package io.dysession.internal.dynamodb;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import io.dysession.internal.statistics.Counters;

/**
 * The one way dysession calls DynamoDB. Session calls are admitted by fail-fast, counted with the
 * capacity they consumed, and bounded by the client's call limits; table administration calls
 * carry limits of their own ({@link Limits}) and are neither counted nor refused by fail-fast.
 * Either way a refused condition reaches the caller as the SDK's exception, and every other SDK
 * failure becomes a message that names table, region and endpoint. Open {@link CallTrace}s see
 * every session call.
 */
public final class CallPath {

    /** What bounds an administration call. */
    public enum Limits {
        /** the client's own call and attempt timeouts, as for session calls (health checks) */
        CLIENT(null),
        /** 30 s: table administration at deployment and in the CLI may take longer than a session call */
        ADMINISTRATION(AwsRequestOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30))
                .apiCallAttemptTimeout(Duration.ofSeconds(10)).build());

        private final AwsRequestOverrideConfiguration override;

        Limits(AwsRequestOverrideConfiguration override) {
            this.override = override;
        }
    }

    private final DynamoDbClient client;
    private final StoreLocation location;
    private final CallFailures failures;
    private final Counters counters;
    private final FailFast failFast;

    public CallPath(DynamoDbClient client, StoreLocation location, Counters counters, FailFast failFast) {
        this.client = client;
        this.location = location;
        this.failures = new CallFailures(location);
        this.counters = counters;
        this.failFast = failFast;
    }

    /** A path for tools: never fails fast, counts into counters of its own. */
    public static CallPath forTools(DynamoDbClient client, StoreLocation location) {
        Counters counters = new Counters();
        return new CallPath(client, location, counters, FailFast.off(location, counters));
    }

    public StoreLocation location() {
        return location;
    }

    /**
     * A session call.
     *
     * @param operation  the DynamoDB operation's name, for the counters and messages
     * @param consumed   the capacity the response reports
     */
    public <R> R call(String operation, Function<DynamoDbClient, R> request,
                      Function<R, List<ConsumedCapacity>> consumed) {
        failFast.admit(operation);
        counters.called(operation);
        long started = System.nanoTime();
        try {
            R response = request.apply(client);
            failFast.succeeded();
            consumed.apply(response).forEach(capacity -> counters.consumed(capacity == null ? null
                    : capacity.capacityUnits()));
            return response;
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            failFast.succeeded();
            counters.conditionalCheckFailed();
            if (e instanceof TransactionCanceledException canceled && !conditionFailed(canceled)) {
                throw failures.translate(operation, canceled);
            }
            throw e;
        } catch (SdkException e) {
            if (CallFailures.unavailable(e)) {
                counters.failedCall();
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

    /**
     * A table administration call: {@code request} gets the limits' request override to set on its
     * request (null for the client's own), and catches itself the SDK exceptions that are answers
     * to it (a table that exists already, say); every other failure is translated.
     */
    public <R> R administer(String operation, Limits limits,
                            BiFunction<DynamoDbClient, AwsRequestOverrideConfiguration, R> request) {
        return translated(operation, () -> request.apply(client, limits.override));
    }

    /** The table as {@code DescribeTable} describes it; empty when there is no such table. */
    public Optional<TableDescription> describeTable(Limits limits) {
        return administer("DescribeTable", limits, (dynamoDb, override) -> {
            try {
                return Optional.of(dynamoDb.describeTable(b -> b.tableName(location.table())
                        .overrideConfiguration(override)).table());
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Waits with the SDK's waiter (table administration); {@code operation} names what is waited on. */
    public void await(String operation, Function<DynamoDbClient, ?> waiter) {
        translated(operation, () -> waiter.apply(client));
    }

    private <R> R translated(String operation, Supplier<R> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failures.translate(operation, e);
        }
    }

    /** The capacity of a response that reports one figure. */
    public static List<ConsumedCapacity> one(ConsumedCapacity consumed) {
        return Collections.singletonList(consumed);
    }

    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
    }
}
