package io.dysession.test;

import java.util.HashMap;
import java.util.Map;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import io.dysession.internal.DySessionExtension;

/**
 * weld-junit5's extension, with the container set up from {@link EnableDySessionWeld}: the
 * same hook its {@code @EnableAutoWeld} uses, so the test class needs no {@code @WeldSetup} field.
 */
final class DySessionWeldExtension extends WeldJunit5Extension {

    @Override
    protected void weldInit(ExtensionContext context, Weld weld, WeldInitiator.Builder builder) {
        EnableDySessionWeld setup = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), EnableDySessionWeld.class)
                .orElseThrow(() -> new IllegalStateException(
                        context.getRequiredTestClass() + " is not annotated @EnableDySessionWeld"));
        // Before the extension is created: it reads its settings when the container starts.
        TestConfig.use(setup.table(), overrides(setup.config()));
        weld.addExtension(new DySessionExtension()).addBeanClasses(Requests.class).addBeanClasses(setup.beans());
    }

    private static Map<String, String> overrides(String[] entries) {
        Map<String, String> overrides = new HashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("@EnableDySessionWeld config takes key=value, not: " + entry);
            }
            overrides.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return overrides;
    }
}
