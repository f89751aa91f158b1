package io.dysession.test;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.json.bind.spi.JsonbProvider;

/**
 * A JSON-B implementation with its JSON-P, as a server has one: the default tests have both on
 * the class path, and {@link #classLoader()} shows a server only its own.
 */
public enum JsonbStack {

    /** Payara, WildFly, Open Liberty, GlassFish. */
    YASSON("org.eclipse.yasson.JsonBindingProvider", "org.eclipse.yasson.", "/yasson-", "/parsson-"),
    /** TomEE. */
    JOHNZON("org.apache.johnzon.jsonb.JohnzonProvider", "org.apache.johnzon.", "/johnzon-");

    private static final String SERVICES = "META-INF/services/";

    private final String providerClass;
    private final String packagePrefix;
    private final List<String> jars;

    JsonbStack(String providerClass, String packagePrefix, String... jars) {
        this.providerClass = providerClass;
        this.packagePrefix = packagePrefix;
        this.jars = List.of(jars);
    }

    /** Whether {@code className} (a Jsonb's, say) is one of this stack's. */
    public boolean owns(String className) {
        return className.startsWith(packagePrefix);
    }

    /** The stack that this one is not. */
    public JsonbStack other() {
        return this == YASSON ? JOHNZON : YASSON;
    }

    /** Whether this test run has this stack's classes: the "johnzon" surefire execution has no Yasson. */
    public boolean present() {
        try {
            Class.forName(providerClass, false, JsonbStack.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public JsonbProvider provider() {
        return JsonbProvider.provider(providerClass);
    }

    /**
     * The test class loader less the service files (JSON-B and JSON-P providers, CDI extensions)
     * of the other stacks' jars: with it as context class loader, {@code JsonbBuilder.create()}
     * finds this stack's provider, as on a server that has only this one.
     */
    public ClassLoader classLoader() {
        return new ClassLoader("jsonb-" + name().toLowerCase(), JsonbStack.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                Enumeration<URL> found = super.getResources(name);
                if (!name.startsWith(SERVICES)) {
                    return found;
                }
                return Collections.enumeration(Collections.list(found).stream().filter(JsonbStack.this::sees).toList());
            }

            @Override
            public URL getResource(String name) {
                if (!name.startsWith(SERVICES)) {
                    return super.getResource(name);
                }
                try {
                    Enumeration<URL> found = getResources(name);
                    return found.hasMoreElements() ? found.nextElement() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        };
    }

    private boolean sees(URL service) {
        for (JsonbStack other : values()) {
            if (other != this && other.jars.stream().anyMatch(jar -> service.toString().contains(jar))) {
                return false;
            }
        }
        return true;
    }
}
