package io.dysession.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import io.dysession.internal.DySessionExtension;

/**
 * Boots the CDI SE container on the test classpath (Weld SE, or OpenWebBeans SE in the {@code owb}
 * surefire run) with the extension and some bean classes, through the portable
 * {@link SeContainerInitializer}: for tests that need a configuration of their own (set with
 * {@link TestConfig} first) or several containers at once.
 */
public final class Containers {

    /** The system property naming the CDI implementation a run expects: {@code weld} (the default) or {@code owb}. */
    public static final String CDI = "dysession.test.cdi";

    private static final Logger LOG = Logger.getLogger(Containers.class.getName());
    private static final AtomicInteger STARTED = new AtomicInteger();

    private Containers() {
    }

    /**
     * A running container. Each has a class loader of its own, which only delegates: OpenWebBeans
     * keeps one container per class loader, and the tests run several at once ("two servers").
     */
    public static SeContainer start(Class<?>... beanClasses) {
        SeContainerInitializer initializer = SeContainerInitializer.newInstance();
        if (STARTED.getAndIncrement() == 0) {
            checkImplementation(initializer);
        }
        ClassLoader loader = new ClassLoader("cdi-container-" + STARTED.get(),
                Thread.currentThread().getContextClassLoader()) { };
        Config config = TestConfig.share(loader);
        try {
            SeContainer container = initializer.setClassLoader(loader).disableDiscovery()
                    .addExtensions(new DySessionExtension()).addBeanClasses(beanClasses).initialize();
            return withLoader(loader, config, container);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /** Fails when the classpath does not hold the implementation this run expects, and says which it is. */
    private static void checkImplementation(SeContainerInitializer initializer) {
        String expected = System.getProperty(CDI, "weld");
        String actual = initializer.getClass().getName();
        boolean matches = switch (expected) {
            case "weld" -> actual.startsWith("org.jboss.weld.");
            case "owb" -> actual.startsWith("org.apache.openwebbeans.");
            default -> throw new IllegalStateException(CDI + " is weld or owb, not " + expected);
        };
        if (!matches) {
            throw new IllegalStateException(CDI + "=" + expected + ", but the test classpath's CDI SE container is "
                    + actual);
        }
        LOG.info(() -> "CDI SE container of this run: " + expected + " (" + actual + ")");
    }

    /**
     * The container, every call made with its class loader as the thread's context class loader
     * (OpenWebBeans finds the container to stop by that loader when it is closed); closing it also
     * releases the loader's configuration.
     */
    private static SeContainer withLoader(ClassLoader loader, Config config, SeContainer container) {
        return (SeContainer) Proxy.newProxyInstance(SeContainer.class.getClassLoader(),
                new Class<?>[] {SeContainer.class}, (proxy, method, args) -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(loader);
                    try {
                        return method.invoke(container, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        thread.setContextClassLoader(previous);
                        if (method.getName().equals("close")) {
                            ConfigProviderResolver.instance().releaseConfig(config);
                        }
                    }
                });
    }
}
