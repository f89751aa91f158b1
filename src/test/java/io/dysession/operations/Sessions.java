package io.dysession.operations;

import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import io.dysession.internal.DySessionExtension;

/** Boots Weld SE with the extension and some bean classes. */
final class Sessions {

    private Sessions() {
    }

    static WeldContainer start(Class<?>... beanClasses) {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new DySessionExtension()).addBeanClasses(beanClasses).initialize();
    }
}
