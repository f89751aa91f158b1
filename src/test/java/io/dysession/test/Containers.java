package io.dysession.test;

import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import io.dysession.internal.DySessionExtension;

/**
 * Boots Weld SE with the extension and some bean classes, for tests that need a configuration of
 * their own (set with {@link TestConfig} first) or several containers at once.
 */
public final class Containers {

    private Containers() {
    }

    public static WeldContainer start(Class<?>... beanClasses) {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new DySessionExtension()).addBeanClasses(beanClasses).initialize();
    }
}
