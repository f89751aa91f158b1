package io.dysession.internal.web;

import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Fires {@link ApplicationStarted} when the servlet context is initialized. Not on CDI's
 * {@code @Initialized(ApplicationScoped.class)}: on Payara its payload is not the ServletContext, it
 * comes before the web application starts, and the ServletContext bean needs an active request.
 */
public final class ApplicationStartListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ApplicationStartListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String name = ApplicationName.of(event.getServletContext());
        try {
            CDI.current().getBeanManager().getEvent().fire(new ApplicationStarted(name));
        } catch (IllegalStateException e) {
            // A servlet container whose CDI starts in a listener after this one (its order among the
            // initializers' listeners is not defined): the readiness check keeps the configured or default name.
            LOG.fine(() -> "CDI was not started when " + name + " started: " + e);
        }
    }
}
