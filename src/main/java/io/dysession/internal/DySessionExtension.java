package io.dysession.internal;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.eclipse.microprofile.config.ConfigProvider;


import io.dysession.DySession;
import io.dysession.DySessionName;
import io.dysession.DySessionRegistry;
import io.dysession.DySessionScoped;
import io.dysession.DySessionStatistics;
import io.dysession.internal.config.SettingsReader;
import io.dysession.internal.context.CurrentSession;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.health.HealthRegistration;
import io.dysession.internal.login.BuiltInMechanisms;
import io.dysession.internal.login.DySessionLoginInterceptor;
import io.dysession.internal.metrics.MetricsBinder;
import io.dysession.internal.statistics.Counters;
import io.dysession.internal.web.ApplicationName;
import io.dysession.internal.web.ApplicationStarted;

/**
 * Registers the {@link DySessionScoped} context and the {@link DySession} bean, rejects beans the
 * scope cannot serve and state names that are invalid or claimed twice, and starts the store once
 * the deployment is valid. Observers only collect and wire; the work is done by the context, codec
 * and store.
 */
public class DySessionExtension implements Extension {

    static final String NO_CONFIG = "dysession reads its settings with MicroProfile Config, which this server "
            + "does not provide to the application (" + OptionalApis.CONFIG + " is missing). On Open Liberty add "
            + "the feature mpConfig-3.1 to server.xml; on WildFly use a configuration with the "
            + "microprofile-config-smallrye subsystem (standalone.xml and standalone-microprofile.xml have it).";

    private final DySessionContext context = new DySessionContext();
    private final BeanChecks beanChecks = new BeanChecks();
    private final StateNameChecks stateNames = new StateNameChecks();
    private final Counters counters = new Counters();
    private final BuiltInMechanisms builtInMechanisms = new BuiltInMechanisms();
    private boolean securityPresent;
    private volatile DySessionRuntime runtime;
    private volatile String applicationName;

    /** The started runtime; null until the deployment is validated. */
    public DySessionRuntime runtime() {
        return runtime;
    }

    // What the beans that need the runtime get: it, or the one message that says it did not start.
    private DySessionRuntime started() {
        DySessionRuntime started = runtime;
        if (started == null) {
            throw new IllegalStateException(DySessionContext.NOT_STARTED);
        }
        return started;
    }

    void addMetrics(@Observes BeforeBeanDiscovery event) {
        if (OptionalApis.present(OptionalApis.METRICS, getClass().getClassLoader())) {
            event.addAnnotatedType(MetricsBinder.class, MetricsBinder.class.getName());
        }
        securityPresent = OptionalApis.present(OptionalApis.SECURITY, getClass().getClassLoader());
        if (securityPresent) {
            event.addAnnotatedType(DySessionLoginInterceptor.class, DySessionLoginInterceptor.class.getName());
        }
    }

    /** {@code dysession.login.mechanisms=all}: the server's form mechanisms get {@code @DySessionLogin}. */
    <T> void bindBuiltInMechanisms(@Observes ProcessAnnotatedType<T> event) {
        if (securityPresent) {
            builtInMechanisms.bind(event);
        }
    }

    /** Every class with {@code @DySessionName}, bean or not: the name belongs on a {@code @DySessionScoped} bean. */
    <T> void collectNamed(@Observes @WithAnnotations(DySessionName.class) ProcessAnnotatedType<T> event) {
        stateNames.annotated(event);
    }

    <T> void checkBean(@Observes ProcessBean<T> event) {
        beanChecks.check(event);
        stateNames.bean(event);
    }

    void registerContext(@Observes AfterBeanDiscovery event) {
        beanChecks.problems().forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        stateNames.problems().forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        event.addContext(context);
        event.addBean().types(DySession.class, Object.class).scope(Dependent.class)
                .beanClass(CurrentSession.class).createWith(creationalContext -> new CurrentSession(context));
        event.addBean().types(DySessionStatistics.class, Object.class).scope(Dependent.class)
                .beanClass(Counters.class).createWith(creationalContext -> counters);
        // Its bean class is the interface: OpenWebBeans subclasses the bean class of a normal-scoped synthetic
        // bean for its client proxy, and SessionRegistry has no no-arg constructor (Weld proxies the types).
        event.addBean().types(DySessionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .beanClass(DySessionRegistry.class).createWith(creationalContext -> started().registry());
        // The filter and the login interceptor reach the runtime as a bean, never through this extension.
        event.addBean().types(DySessionRuntime.class).scope(Dependent.class)
                .beanClass(DySessionRuntime.class).createWith(creationalContext -> started());
        if (OptionalApis.present(OptionalApis.HEALTH, getClass().getClassLoader())) {
            HealthRegistration.register(event, () -> runtime == null ? null : runtime.probe(), () -> applicationName);
        }
    }

    /** The runtime starts here, after validation, so that every configuration problem is reported at once. */
    void start(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (!OptionalApis.present(OptionalApis.CONFIG, getClass().getClassLoader())) {
            event.addDeploymentProblem(new DeploymentException(NO_CONFIG));
            return;
        }
        SettingsReader.Result result = SettingsReader.read(ConfigProvider.getConfig());
        if (!result.problems().isEmpty()) {
            result.problems().forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
            return;
        }
        if (securityPresent) {
            builtInMechanisms.reportUnbound();
        }
        applicationName = ApplicationName.configuredOrDefault();
        try {
            runtime = DySessionRuntime.start(result.settings(), beanManager, context, stateNames.names(), counters);
        } catch (DeploymentException e) {
            event.addDeploymentProblem(e);
        }
    }

    /** The name that sets this application's readiness check apart, once the web application has started. */
    void name(@Observes ApplicationStarted started) {
        applicationName = started.name();
    }

    void stop(@Observes BeforeShutdown event) {
        if (runtime != null) {
            runtime.close();
        }
    }
}
