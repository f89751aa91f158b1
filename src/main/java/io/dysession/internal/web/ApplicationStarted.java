package io.dysession.internal.web;

/**
 * The CDI event fired once the web application has started, with its {@link ApplicationName}: the
 * readiness check takes its name and the gauges are registered with it.
 */
public record ApplicationStarted(String name) {
}
