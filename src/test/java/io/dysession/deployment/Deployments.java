package io.dysession.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import io.dysession.internal.DySessionExtension;

/** Boots Weld SE with the extension and some bean classes, for tests of deployments that must fail. */
final class Deployments {

    private Deployments() {
    }

    static WeldContainer start(Class<?>... beanClasses) {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new DySessionExtension()).addBeanClasses(beanClasses).initialize();
    }

    /** The message of the failure that stops the deployment of these classes. */
    static String failure(Class<?>... beanClasses) {
        return assertThrows(RuntimeException.class, () -> start(beanClasses).close()).getMessage();
    }
}
