package io.dysession.internal.web;

import java.util.Optional;

import jakarta.servlet.ServletContext;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The name that tells this application's readiness check and gauges from those of another
 * application using dysession on the same server: MicroProfile Metrics' {@code mp.metrics.appName}
 * when the application sets it (the name its other metrics carry as {@code mp_app}), otherwise its
 * context path, {@code /} for the root application; {@code default} outside a servlet container.
 * Read on a thread of the application: it reads the application's configuration.
 */
public final class ApplicationName {

    static final String METRICS_APP_NAME = "mp.metrics.appName";

    private ApplicationName() {
    }

    /** Outside a servlet container, or before the web application has started. */
    public static String configuredOrDefault() {
        return configured().orElse("default");
    }

    static String of(ServletContext servletContext) {
        return configured().orElseGet(() -> servletContext.getContextPath().isEmpty() ? "/"
                : servletContext.getContextPath());
    }

    private static Optional<String> configured() {
        return ConfigProvider.getConfig().getOptionalValue(METRICS_APP_NAME, String.class)
                .map(String::strip).filter(name -> !name.isEmpty());
    }
}
