package io.dysession.test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link EnableDySession}: before each test, a container from {@link Containers}
 * and the test instance's {@code @Inject} fields filled through the portable
 * {@code InjectionTargetFactory}; the container closes when the test ends.
 */
final class DySessionTestExtension implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DySessionTestExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        EnableDySession setup = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), EnableDySession.class)
                .orElseThrow(() -> new IllegalStateException(
                        context.getRequiredTestClass() + " is not annotated @EnableDySession"));
        // Before the extension is created: it reads its settings when the container starts.
        TestConfig.use(setup.table(), overrides(setup.config()));
        SeContainer container = Containers.start(
                Stream.concat(Stream.of(Requests.class), Stream.of(setup.beans())).toArray(Class<?>[]::new));
        // Closed once the test and its @AfterEach methods are done.
        context.getStore(NAMESPACE).put(SeContainer.class, (ExtensionContext.Store.CloseableResource) container::close);
        inject(container.getBeanManager(), context.getRequiredTestInstance());
    }

    private static <T> void inject(BeanManager beanManager, T instance) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) instance.getClass();
        InjectionTarget<T> target = beanManager.getInjectionTargetFactory(beanManager.createAnnotatedType(type))
                .createInjectionTarget(null);
        target.inject(instance, beanManager.createCreationalContext(null));
    }

    private static Map<String, String> overrides(String[] entries) {
        Map<String, String> overrides = new HashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("@EnableDySession config takes key=value, not: " + entry);
            }
            overrides.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return overrides;
    }
}
