package io.dysession.internal.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Thread-safe counters of what the store did: DynamoDB calls, consumed capacity, bytes written,
 * refused conditions, failed calls, calls not made while failing fast, and items that did not fit
 * the layout.
 */
public final class StoreStatistics {

    private final LongAdder conditionalCheckFailures = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final DoubleAdder capacity = new DoubleAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder refusedFast = new LongAdder();
    private final LongAdder corruptItems = new LongAdder();
    private volatile boolean failingFast;

    void conditionalCheckFailed() {
        conditionalCheckFailures.increment();
    }

    void written(long bytes) {
        bytesWritten.add(bytes);
    }

    void called(String operation) {
        calls.computeIfAbsent(operation, op -> new LongAdder()).increment();
    }

    void consumed(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            capacity.add(consumed.capacityUnits());
        }
    }

    void failedCall() {
        failedCalls.increment();
    }

    void failedFast() {
        refusedFast.increment();
    }

    void corruptItem() {
        corruptItems.increment();
    }

    void failingFast(boolean failingFast) {
        this.failingFast = failingFast;
    }

    public long failedCalls() {
        return failedCalls.sum();
    }

    public long failFastRefusals() {
        return refusedFast.sum();
    }

    public long corruptItems() {
        return corruptItems.sum();
    }

    public boolean failingFast() {
        return failingFast;
    }

    public long conditionalCheckFailures() {
        return conditionalCheckFailures.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public Map<String, Long> dynamoDbCalls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((operation, count) -> snapshot.put(operation, count.sum()));
        return snapshot;
    }

    public double consumedCapacityUnits() {
        return capacity.sum();
    }
}
