package io.dysession.internal.health;

import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.dysession.internal.admin.TableProbe;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness: the session table is reachable and ACTIVE, and session calls are not failing fast.
 * Named {@code dysession <application>} (such as {@code dysession /shop}), so that each application
 * using dysession on a server has its own check.
 */
final class TableReadiness implements HealthCheck {

    static final String NAME = "dysession";

    private final Supplier<TableProbe> probe;
    private final Supplier<String> application;

    TableReadiness(Supplier<TableProbe> probe, Supplier<String> application) {
        this.probe = probe;
        this.application = application;
    }

    @Override
    public HealthCheckResponse call() {
        TableProbe table = probe.get();
        if (table == null) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "dysession has not started").build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME + " " + application.get());
        response.withData("table", table.location().table())
                .withData("region", table.location().region())
                .withData("endpoint", table.location().endpoint());
        if (table.failingFast()) {
            return response.down().withData("failFast", "open: DynamoDB failed repeatedly, session calls fail at once "
                    + "until a probe call succeeds").build();
        }
        try {
            TableStatus status = table.status();
            return response.status(status == TableStatus.ACTIVE).withData("status", status.toString()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
