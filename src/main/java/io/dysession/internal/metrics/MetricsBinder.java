package io.dysession.internal.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;

import io.dysession.DySessionStatistics;

/**
 * Registers the dysession gauges once the application has started. A bean (added by the extension
 * only when MicroProfile Metrics is on the class path) because servers hand out the application
 * registry only to real injection points.
 */
@Dependent
public class MetricsBinder {

    @Inject
    Instance<MetricRegistry> registries;

    @Inject
    DySessionStatistics statistics;

    void bind(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (registries.isResolvable()) {
            MetricsRegistration.register(registries.get(), statistics);
        }
    }
}
