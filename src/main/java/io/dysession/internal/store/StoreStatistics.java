package io.dysession.internal.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Thread-safe counters of what the store did: DynamoDB calls, consumed capacity, bytes written
 * and refused conditions.
 */
public final class StoreStatistics {

    private final LongAdder conditionalCheckFailures = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final DoubleAdder capacity = new DoubleAdder();

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
