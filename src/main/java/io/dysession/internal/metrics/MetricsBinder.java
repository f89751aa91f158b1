package io.dysession.internal.metrics;

import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(MetricsBinder.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    @Inject
    DySessionStatistics statistics;

    void bind(@Observes ApplicationStarted started) {
        if (!registries.isResolvable()) {
            return;
        }
        try {
            MetricsRegistration.register(registries.get(), statistics, started.name());
        } catch (IllegalArgumentException e) {
            // Open Liberty tags an application's metrics mp_app only when it sets mp.metrics.appName, and refuses
            // a metric whose tag names differ from those another application registered it with: the
            // application must still start.
            LOG.warning("dysession's gauges for application " + started.name() + " are not registered: "
                    + e.getMessage() + ". Another application on this server registered them with other tags: "
                    + "set mp.metrics.appName in every application that uses dysession or in none, or set "
                    + "mp.metrics.defaultAppName on the server.");
        }
    }
}
