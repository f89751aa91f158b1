package io.dysession.tomcat;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Makes every JAX-RS class that {@link JaxrsSetup} found a CDI bean, as Jakarta EE servers do: in an
 * application without beans.xml (discovery mode "annotated") an Application subclass or a provider
 * has no bean-defining annotation, and CXF's CDI integration serves beans only. Classes the
 * container discovered itself are left alone, so none becomes two beans.
 */
public final class JaxrsBeans implements Extension {

    private static final Map<ClassLoader, Set<Class<?>>> FOUND = new ConcurrentHashMap<>();

    private final Set<Class<?>> discovered = new HashSet<>();

    static void found(ClassLoader application, Set<Class<?>> classes) {
        FOUND.put(application, Set.copyOf(classes));
    }

    <T> void discovered(@Observes ProcessAnnotatedType<T> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    void addUndiscovered(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        Set<Class<?>> found = FOUND.remove(Thread.currentThread().getContextClassLoader());
        if (found == null) {
            return;
        }
        for (Class<?> type : found) {
            if (!discovered.contains(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                event.addAnnotatedType(beanManager.createAnnotatedType(type), JaxrsBeans.class.getName() + type.getName());
            }
        }
    }
}
