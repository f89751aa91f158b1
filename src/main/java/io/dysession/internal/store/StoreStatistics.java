package io.dysession.internal.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

import io.dysession.DySessionStatistics;

/**
 * Thread-safe counters behind {@link DySessionStatistics}: the store counts calls, capacity, bytes
 * and refused conditions; the session layer counts what happened to sessions.
 */
public final class StoreStatistics implements DySessionStatistics {

    private final LongAdder created = new LongAdder();
    private final LongAdder loaded = new LongAdder();
    private final LongAdder saved = new LongAdder();
    private final LongAdder touched = new LongAdder();
    private final LongAdder invalidated = new LongAdder();
    private final LongAdder expiredOnRead = new LongAdder();
    private final LongAdder conditionalCheckFailures = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final DoubleAdder capacity = new DoubleAdder();

    public void created() {
        created.increment();
    }

    public void loaded() {
        loaded.increment();
    }

    public void saved() {
        saved.increment();
    }

    public void touched() {
        touched.increment();
    }

    public void invalidated() {
        invalidated.increment();
    }

    public void expiredOnRead() {
        expiredOnRead.increment();
    }

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

    @Override
    public long sessionsCreated() {
        return created.sum();
    }

    @Override
    public long sessionsLoaded() {
        return loaded.sum();
    }

    @Override
    public long sessionsSaved() {
        return saved.sum();
    }

    @Override
    public long sessionsTouched() {
        return touched.sum();
    }

    @Override
    public long sessionsInvalidated() {
        return invalidated.sum();
    }

    @Override
    public long sessionsExpiredOnRead() {
        return expiredOnRead.sum();
    }

    @Override
    public long conditionalCheckFailures() {
        return conditionalCheckFailures.sum();
    }

    @Override
    public long bytesWritten() {
        return bytesWritten.sum();
    }

    @Override
    public Map<String, Long> dynamoDbCalls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((operation, count) -> snapshot.put(operation, count.sum()));
        return snapshot;
    }

    @Override
    public double consumedCapacityUnits() {
        return capacity.sum();
    }
}
