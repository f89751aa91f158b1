package io.dysession.internal.metrics;

import java.util.List;
import java.util.function.ToLongFunction;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import io.dysession.DySessionStatistics;

/**
 * Registers the {@link DySessionStatistics} values as MicroProfile Metrics gauges in the
 * application registry, each tagged {@value #APPLICATION_TAG} with the application's name: two
 * applications on one server then give two series, not one series twice (Payara) or the first
 * application's figures only. Used only when MicroProfile Metrics is on the class path.
 */
public final class MetricsRegistration {

    /** The tag naming the application (MicroProfile Metrics reserves {@code mp_app} for the server). */
    static final String APPLICATION_TAG = "dysession_app";
    private static final List<String> OPERATIONS = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem",
            "TransactWriteItems");

    private MetricsRegistration() {
    }

    /** Registers the gauges in the application registry. */
    static void register(MetricRegistry registry, DySessionStatistics statistics, String application) {
        Tag app = new Tag(APPLICATION_TAG, application);
        gauge(registry, "dysession.sessions.created", app, statistics, DySessionStatistics::sessionsCreated);
        gauge(registry, "dysession.sessions.loaded", app, statistics, DySessionStatistics::sessionsLoaded);
        gauge(registry, "dysession.sessions.saved", app, statistics, DySessionStatistics::sessionsSaved);
        gauge(registry, "dysession.sessions.touched", app, statistics, DySessionStatistics::sessionsTouched);
        gauge(registry, "dysession.sessions.invalidated", app, statistics, DySessionStatistics::sessionsInvalidated);
        gauge(registry, "dysession.sessions.expiredOnRead", app, statistics,
                DySessionStatistics::sessionsExpiredOnRead);
        gauge(registry, "dysession.conditionalCheckFailures", app, statistics,
                DySessionStatistics::conditionalCheckFailures);
        gauge(registry, "dysession.bytesWritten", app, statistics, DySessionStatistics::bytesWritten);
        registry.gauge("dysession.consumedCapacityUnits", statistics, DySessionStatistics::consumedCapacityUnits, app);
        gauge(registry, "dysession.dynamodb.failedCalls", app, statistics, DySessionStatistics::failedCalls);
        gauge(registry, "dysession.failFast.refusals", app, statistics, DySessionStatistics::failFastRefusals);
        gauge(registry, "dysession.failFast.open", app, statistics, s -> s.failingFast() ? 1 : 0);
        gauge(registry, "dysession.corruptItems", app, statistics, DySessionStatistics::corruptItems);
        gauge(registry, "dysession.overwrites", app, statistics, DySessionStatistics::overwrites);
        gauge(registry, "dysession.droppedWrites", app, statistics, DySessionStatistics::droppedWrites);
        gauge(registry, "dysession.undecryptableValues", app, statistics, DySessionStatistics::undecryptableValues);
        for (String operation : OPERATIONS) {
            registry.gauge("dysession.dynamodb.calls", statistics,
                    s -> s.dynamoDbCalls().getOrDefault(operation, 0L), new Tag("operation", operation), app);
        }
    }

    private static void gauge(MetricRegistry registry, String name, Tag app, DySessionStatistics statistics,
                              ToLongFunction<DySessionStatistics> value) {
        registry.gauge(name, statistics, s -> value.applyAsLong(s), app);
    }
}
