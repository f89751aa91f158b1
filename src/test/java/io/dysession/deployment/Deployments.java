package io.dysession.deployment;

import jakarta.enterprise.inject.se.SeContainer;

import io.dysession.test.Containers;
import io.dysession.test.DeploymentFailure;

/** Boots CDI SE with the extension and some bean classes, for tests of deployments that must fail. */
final class Deployments {

    private Deployments() {
    }

    static SeContainer start(Class<?>... beanClasses) {
        return Containers.start(beanClasses);
    }

    /** The message of the failure that stops the deployment of these classes. */
    static String failure(Class<?>... beanClasses) {
        return DeploymentFailure.of(beanClasses).message();
    }
}
