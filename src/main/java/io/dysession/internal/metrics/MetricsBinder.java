package io.dysession.internal.metrics;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;

import io.dysession.DySessionStatistics;
import io.dysession.internal.web.ApplicationStarted;

/**
 * Registers the dysession gauges, tagged with the application's name, once the web application has
 * started. A bean (added by the extension only when MicroProfile Metrics is on the class path)
 * because servers hand out the application registry only to real injection points.
 */
@Dependent
public class MetricsBinder {

    @Inject
    Instance<MetricRegistry> registries;

    @Inject
    DySessionStatistics statistics;

    void bind(@Observes ApplicationStarted started) {
        if (registries.isResolvable()) {
            MetricsRegistration.register(registries.get(), statistics, started.name());
        }
    }
}
