package io.dysession.tomcat;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS in a servlet container (JAX-RS 3.1, section 2.3.2): finds the application's
 * {@code @ApplicationPath} subclasses of {@link Application}, resources and providers, hands them to
 * {@link JaxrsBeans} (CXF serves CDI beans only), and maps {@link JaxrsFilter} to each application's
 * path. The filter runs after the filters registered before it, such as dysession's.
 */
@HandlesTypes({ApplicationPath.class, Path.class, Provider.class})
public final class JaxrsSetup implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(JaxrsSetup.class.getName());

    @Override
    public void onStartup(Set<Class<?>> found, ServletContext servletContext) {
        // Tomcat also offers the container's own classes (CXF's providers, its DefaultApplication)
        Set<Class<?>> classes = found == null ? Set.of() : found.stream()
                .filter(c -> c.getClassLoader() == servletContext.getClassLoader())
                .collect(Collectors.toSet());
        if (classes.isEmpty()) {
            return;
        }
        JaxrsBeans.found(servletContext.getClassLoader(), classes);
        String[] paths = classes.stream()
                .filter(c -> Application.class.isAssignableFrom(c) && c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> urlPattern(c.getAnnotation(ApplicationPath.class).value()))
                .toArray(String[]::new);
        if (paths.length == 0) {
            LOG.warning("JAX-RS resources but no @ApplicationPath Application subclass: nothing serves them");
            return;
        }
        FilterRegistration.Dynamic filter = servletContext.addFilter("jaxrs", JaxrsFilter.class);
        filter.setAsyncSupported(true);
        filter.setInitParameter("hide-service-list-page", "true");
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, paths);
        LOG.info("JAX-RS (Apache CXF) serves " + String.join(", ", paths));
    }

    private static String urlPattern(String applicationPath) {
        String path = applicationPath.replaceAll("^/+|/+$", "");
        return path.isEmpty() ? "/*" : "/" + path + "/*";
    }
}
