package io.dysession.internal.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Registers {@link SessionFilter} for every request and its async dispatches, before the filters the
 * application declares, and {@link ApplicationStartListener}.
 */
public final class DySessionInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "io.dysession.SessionFilter";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        servletContext.addListener(ApplicationStartListener.class);
        FilterRegistration.Dynamic filter = servletContext.addFilter(FILTER_NAME, SessionFilter.class);
        if (filter == null) {
            return; // already registered, e.g. by web.xml
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }
}
