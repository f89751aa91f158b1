package io.dysession.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jboss.weld.environment.se.WeldContainer;

import io.dysession.test.Containers;

/** Boots Weld SE with the extension and some bean classes, for tests of deployments that must fail. */
final class Deployments {

    private Deployments() {
    }

    static WeldContainer start(Class<?>... beanClasses) {
        return Containers.start(beanClasses);
    }

    /** The message of the failure that stops the deployment of these classes. */
    static String failure(Class<?>... beanClasses) {
        return assertThrows(RuntimeException.class, () -> start(beanClasses).close()).getMessage();
    }
}
