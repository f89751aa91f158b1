package io.dysession.internal;

/**
 * Whether an optional API (MicroProfile Health, Metrics) is on the application's class path:
 * dysession uses each only when the server provides it. MicroProfile Config is required; checking
 * for it turns a bare NoClassDefFoundError into a deployment problem that says what to enable.
 */
final class OptionalApis {

    static final String CONFIG = "org.eclipse.microprofile.config.ConfigProvider";
    static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    static final String METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";
    static final String SECURITY = "jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext";

    private OptionalApis() {
    }

    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
