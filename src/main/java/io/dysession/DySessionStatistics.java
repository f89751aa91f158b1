package io.dysession;

import java.util.Map;

/**
 * Counts of what dysession did in this application since it started, on this server. Injectable;
 * when MicroProfile Metrics is present the same values are also registered there as gauges named
 * {@code dysession.*}.
 *
 * <pre>
 * &#64;Inject DySessionStatistics statistics;
 *
 * long reads = statistics.dynamoDbCalls().getOrDefault("GetItem", 0L);
 * </pre>
 */
public interface DySessionStatistics {

    /** Sessions created (first save of a new session). */
    long sessionsCreated();

    /** Sessions loaded from DynamoDB or the cache by a request. */
    long sessionsLoaded();

    /** Saves that wrote changed beans of an existing session. */
    long sessionsSaved();

    /** Saves that moved only the expiry. */
    long sessionsTouched();

    /** Sessions ended with {@link DySession#invalidate()}. */
    long sessionsInvalidated();

    /** Sessions found expired (idle timeout or maximum lifetime) when a request loaded them. */
    long sessionsExpiredOnRead();

    /** Conditional writes refused by DynamoDB: sessions gone, versions moved, conflicts. */
    long conditionalCheckFailures();

    /** Bytes of bean state written (after compression). */
    long bytesWritten();

    /** DynamoDB calls by operation name (GetItem, PutItem, UpdateItem, DeleteItem, TransactWriteItems, ...). */
    Map<String, Long> dynamoDbCalls();

    /** Capacity units DynamoDB reported as consumed (ReturnConsumedCapacity). */
    double consumedCapacityUnits();

    /**
     * DynamoDB calls that failed after the SDK's attempts: timeouts, refused connections,
     * throttling, server errors, a missing table.
     */
    long failedCalls();

    /** Calls not made, and answered 503 at once, because DynamoDB had been failing (fail-fast). */
    long failFastRefusals();

    /** True while dysession fails fast: DynamoDB failed repeatedly and is probed before it is called again. */
    boolean failingFast();

    /** Stored items that did not fit dysession's item layout and were treated as no session. */
    long corruptItems();

    /**
     * With {@code dysession.concurrency=merge}: JSON paths of beans at which a request's write
     * replaced another request's change, because both changed the same path (counted once per
     * path and request). Zero exactly when no concurrent change was lost.
     */
    long overwrites();

    /**
     * Writes dropped because another request ended the session (invalidated it, rotated its id or
     * revoked its login) while the writing request ran: the session is never resurrected.
     */
    long droppedWrites();

    /**
     * Stored values that did not decrypt with {@code dysession.encryption.keys} (unknown key id,
     * altered or truncated value, or a plain value under {@code dysession.encryption.required=true}):
     * the bean started fresh, or the session held no login.
     */
    long undecryptableValues();
}
