package io.dysession.internal.metrics;

import java.util.List;
import java.util.function.ToLongFunction;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import io.dysession.DySessionStatistics;

/**
 * Registers the {@link DySessionStatistics} values as MicroProfile Metrics gauges in the
 * application registry. Used only when MicroProfile Metrics is on the class path.
 */
public final class MetricsRegistration {

    private static final List<String> OPERATIONS = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem",
            "TransactWriteItems");

    private MetricsRegistration() {
    }

    /** Registers the gauges in the application registry. */
    static void register(MetricRegistry registry, DySessionStatistics statistics) {
        gauge(registry, "dysession.sessions.created", statistics, DySessionStatistics::sessionsCreated);
        gauge(registry, "dysession.sessions.loaded", statistics, DySessionStatistics::sessionsLoaded);
        gauge(registry, "dysession.sessions.saved", statistics, DySessionStatistics::sessionsSaved);
        gauge(registry, "dysession.sessions.touched", statistics, DySessionStatistics::sessionsTouched);
        gauge(registry, "dysession.sessions.invalidated", statistics, DySessionStatistics::sessionsInvalidated);
        gauge(registry, "dysession.sessions.expiredOnRead", statistics, DySessionStatistics::sessionsExpiredOnRead);
        gauge(registry, "dysession.conditionalCheckFailures", statistics,
                DySessionStatistics::conditionalCheckFailures);
        gauge(registry, "dysession.bytesWritten", statistics, DySessionStatistics::bytesWritten);
        registry.gauge("dysession.consumedCapacityUnits", statistics, DySessionStatistics::consumedCapacityUnits);
        gauge(registry, "dysession.dynamodb.failedCalls", statistics, DySessionStatistics::failedCalls);
        gauge(registry, "dysession.failFast.refusals", statistics, DySessionStatistics::failFastRefusals);
        gauge(registry, "dysession.failFast.open", statistics, s -> s.failingFast() ? 1 : 0);
        gauge(registry, "dysession.corruptItems", statistics, DySessionStatistics::corruptItems);
        gauge(registry, "dysession.overwrites", statistics, DySessionStatistics::overwrites);
        gauge(registry, "dysession.droppedWrites", statistics, DySessionStatistics::droppedWrites);
        gauge(registry, "dysession.undecryptableValues", statistics, DySessionStatistics::undecryptableValues);
        for (String operation : OPERATIONS) {
            registry.gauge("dysession.dynamodb.calls", statistics,
                    s -> s.dynamoDbCalls().getOrDefault(operation, 0L), new Tag("operation", operation));
        }
    }

    private static void gauge(MetricRegistry registry, String name, DySessionStatistics statistics,
                              ToLongFunction<DySessionStatistics> value) {
        registry.gauge(name, statistics, s -> value.applyAsLong(s));
    }
}
