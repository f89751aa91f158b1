package io.dysession.internal.health;

import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.dysession.internal.admin.TableProbe;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness: the session table is reachable and ACTIVE, and session calls are not failing fast.
 */
final class TableReadiness implements HealthCheck {

    private final Supplier<TableProbe> probe;

    TableReadiness(Supplier<TableProbe> probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dysession");
        TableProbe table = probe.get();
        if (table == null) {
            return response.down().withData("reason", "dysession has not started").build();
        }
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
