package io.dysession.it.login.token;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** {@code /secure}: JAX-RS with {@code @RolesAllowed} enforced (Jersey's roles feature, by name). */
@ApplicationPath("secure")
public class SecureApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SecureResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
