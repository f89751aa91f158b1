package io.dysession.internal.context;

import java.util.Map;

/**
 * The validated {@link StateName} of every {@code @DySessionScoped} bean class of the deployment.
 */
public final class StateNames {

    private final Map<Class<?>, StateName> names;

    public StateNames(Map<Class<?>, StateName> names) {
        this.names = Map.copyOf(names);
    }

    StateName of(Class<?> beanClass) {
        StateName name = names.get(beanClass);
        // A class the deployment did not report (none is expected) keeps what it declares.
        return name != null ? name : StateName.of(beanClass);
    }
}
