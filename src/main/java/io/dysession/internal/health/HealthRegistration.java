package io.dysession.internal.health;

import java.util.function.Supplier;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.dysession.internal.admin.TableProbe;

/**
 * Adds the readiness check as a bean. Called only when MicroProfile Health is on the class path,
 * so that nothing else refers to its types.
 */
public final class HealthRegistration {

    private HealthRegistration() {
    }

    /** @param application the application's name, known once dysession has started (its probe is not null) */
    public static void register(AfterBeanDiscovery event, Supplier<TableProbe> probe, Supplier<String> application) {
        event.addBean().types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .beanClass(TableReadiness.class)
                .createWith(creationalContext -> new TableReadiness(probe, application));
    }
}
