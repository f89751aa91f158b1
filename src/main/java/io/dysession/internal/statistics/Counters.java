package io.dysession.internal.statistics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.dysession.DySessionStatistics;

/**
 * The one implementation of {@link DySessionStatistics}: thread-safe counters that the context
 * (what happened to sessions), the store (bytes, items that did not fit) and the call path
 * (DynamoDB calls, capacity, failures, fail-fast) each add to.
 */
public final class Counters implements DySessionStatistics {

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
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder refusedFast = new LongAdder();
    private final LongAdder corruptItems = new LongAdder();
    private final LongAdder overwrites = new LongAdder();
    private final LongAdder droppedWrites = new LongAdder();
    private final LongAdder undecryptableValues = new LongAdder();
    private volatile boolean failingFast;

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

    public void conditionalCheckFailed() {
        conditionalCheckFailures.increment();
    }

    public void written(long bytes) {
        bytesWritten.add(bytes);
    }

    public void called(String operation) {
        calls.computeIfAbsent(operation, op -> new LongAdder()).increment();
    }

    /** Capacity units a response reported; null (not reported) counts nothing. */
    public void consumed(Double capacityUnits) {
        if (capacityUnits != null) {
            capacity.add(capacityUnits);
        }
    }

    public void failedCall() {
        failedCalls.increment();
    }

    public void failedFast() {
        refusedFast.increment();
    }

    public void corruptItem() {
        corruptItems.increment();
    }

    public void overwritten(long paths) {
        overwrites.add(paths);
    }

    public void droppedWrite() {
        droppedWrites.increment();
    }

    public void undecryptableValue() {
        undecryptableValues.increment();
    }

    public void failingFast(boolean failingFast) {
        this.failingFast = failingFast;
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

    @Override
    public long failedCalls() {
        return failedCalls.sum();
    }

    @Override
    public long failFastRefusals() {
        return refusedFast.sum();
    }

    @Override
    public boolean failingFast() {
        return failingFast;
    }

    @Override
    public long corruptItems() {
        return corruptItems.sum();
    }

    @Override
    public long overwrites() {
        return overwrites.sum();
    }

    @Override
    public long droppedWrites() {
        return droppedWrites.sum();
    }

    @Override
    public long undecryptableValues() {
        return undecryptableValues.sum();
    }
}
