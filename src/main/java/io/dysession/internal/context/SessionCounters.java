package io.dysession.internal.context;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.dysession.DySessionStatistics;
import io.dysession.internal.store.StoreStatistics;

/**
 * Thread-safe counters behind {@link DySessionStatistics}: the context counts what happened to
 * sessions, the store its calls, capacity, bytes and refused conditions.
 */
public final class SessionCounters implements DySessionStatistics {

    private final LongAdder created = new LongAdder();
    private final LongAdder loaded = new LongAdder();
    private final LongAdder saved = new LongAdder();
    private final LongAdder touched = new LongAdder();
    private final LongAdder invalidated = new LongAdder();
    private final LongAdder expiredOnRead = new LongAdder();
    private final StoreStatistics store;

    public SessionCounters(StoreStatistics store) {
        this.store = store;
    }

    void created() {
        created.increment();
    }

    void loaded() {
        loaded.increment();
    }

    void saved() {
        saved.increment();
    }

    void touched() {
        touched.increment();
    }

    void invalidated() {
        invalidated.increment();
    }

    void expiredOnRead() {
        expiredOnRead.increment();
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
        return store.conditionalCheckFailures();
    }

    @Override
    public long bytesWritten() {
        return store.bytesWritten();
    }

    @Override
    public Map<String, Long> dynamoDbCalls() {
        return store.dynamoDbCalls();
    }

    @Override
    public double consumedCapacityUnits() {
        return store.consumedCapacityUnits();
    }

    @Override
    public long failedCalls() {
        return store.failedCalls();
    }

    @Override
    public long failFastRefusals() {
        return store.failFastRefusals();
    }

    @Override
    public boolean failingFast() {
        return store.failingFast();
    }

    @Override
    public long corruptItems() {
        return store.corruptItems();
    }
}
