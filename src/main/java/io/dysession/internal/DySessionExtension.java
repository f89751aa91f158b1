package io.dysession.internal;

import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;

import org.eclipse.microprofile.config.ConfigProvider;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import io.dysession.DySession;
import io.dysession.DySessionClient;
import io.dysession.DySessionRegistry;
import io.dysession.DySessionStoreException;
import io.dysession.DySessionScoped;
import io.dysession.DySessionStatistics;
import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.ConfigKeys;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import io.dysession.internal.context.CurrentSession;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionCounters;
import io.dysession.internal.context.SessionEnvironment;
import io.dysession.internal.context.SessionRegistry;
import io.dysession.internal.health.HealthRegistration;
import io.dysession.internal.metrics.MetricsBinder;
import io.dysession.internal.store.DynamoDbClients;
import io.dysession.internal.store.SessionStore;
import io.dysession.internal.store.StoreLocation;
import io.dysession.internal.store.StoreStatistics;
import io.dysession.internal.store.TableAdmin;
import io.dysession.internal.store.TableProbe;
import io.dysession.internal.web.BuiltInMechanisms;
import io.dysession.internal.web.DySessionLoginInterceptor;

/**
 * Registers the {@link DySessionScoped} context and the {@link DySession} bean, rejects beans the
 * scope cannot serve, and starts the store once the deployment is valid. Observers only collect
 * and wire; the work is done by the context, codec and store.
 */
public class DySessionExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(DySessionExtension.class.getName());

    static final String NO_CONFIG = "dysession reads its settings with MicroProfile Config, which this server "
            + "does not provide to the application (" + OptionalApis.CONFIG + " is missing). On Open Liberty add "
            + "the feature mpConfig-3.1 to server.xml; on WildFly use a configuration with the "
            + "microprofile-config-smallrye subsystem (standalone.xml and standalone-microprofile.xml have it).";

    private final DySessionContext context = new DySessionContext();
    private final BeanChecks beanChecks = new BeanChecks();
    private final StoreStatistics storeStatistics = new StoreStatistics();
    private final SessionCounters statistics = new SessionCounters(storeStatistics);
    private final BuiltInMechanisms builtInMechanisms = new BuiltInMechanisms();
    private boolean securityPresent;
    private volatile DySessionRuntime runtime;

    /** What the filter needs; null until the deployment is validated. */
    public DySessionRuntime runtime() {
        return runtime;
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

    <T> void checkBean(@Observes ProcessBean<T> event) {
        beanChecks.check(event);
    }

    void registerContext(@Observes AfterBeanDiscovery event) {
        beanChecks.problems().forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        event.addContext(context);
        event.addBean().types(DySession.class, Object.class).scope(Dependent.class)
                .beanClass(CurrentSession.class).createWith(creationalContext -> new CurrentSession(context));
        event.addBean().types(DySessionStatistics.class, Object.class).scope(Dependent.class)
                .beanClass(SessionCounters.class).createWith(creationalContext -> statistics);
        SessionRegistry registry = new SessionRegistry(context);
        event.addBean().types(DySessionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .beanClass(SessionRegistry.class).createWith(creationalContext -> registry);
        if (OptionalApis.present(OptionalApis.HEALTH, getClass().getClassLoader())) {
            HealthRegistration.register(event, () -> runtime == null ? null : runtime.probe());
        }
    }

    /** The store starts here, after validation, so that every configuration problem is reported at once. */
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
        try {
            runtime = assemble(result.settings(), beanManager);
        } catch (DeploymentException e) {
            event.addDeploymentProblem(e);
        }
    }

    /** Client, table, codec, store and context, in that order; the one place the runtime is put together. */
    private DySessionRuntime assemble(Settings settings, BeanManager beanManager) {
        DynamoDbClient application;
        DynamoDbClient client;
        try {
            application = applicationClient(beanManager);
            client = application != null ? application : DynamoDbClients.build(settings.client());
        } catch (SdkException e) {
            throw new DeploymentException("dysession cannot build its DynamoDB client: " + e.getMessage() + " Set "
                    + ConfigKeys.REGION + " (or AWS_REGION) to the table's region.", e);
        }
        boolean ownsClient = application == null;
        StoreLocation location = DynamoDbClients.locate(client, settings.table().name());
        SessionStore store = SessionStore.open(client, location, settings, storeStatistics, Clock.systemUTC());
        StateCodec codec = new StateCodec();
        try {
            if (settings.table().autoCreate()) {
                createTable(client, store, location);
            }
            context.configure(new SessionEnvironment(store, codec, new CdiSessionEvents(beanManager), statistics,
                    settings.timing(), settings.onIncompatibleState(), Clock.systemUTC(), settings.login()));
            checkCallerIndex();
        } catch (DeploymentException e) {
            if (ownsClient) {
                client.close(); // a failed deployment leaves no connection pool behind
            }
            throw e;
        }
        LOG.info(() -> "dysession stores @DySessionScoped beans in DynamoDB " + location
                + (ownsClient ? "" : " through the application's @DySessionClient DynamoDbClient"));
        return new DySessionRuntime(settings, context, client, ownsClient, codec, new TableProbe(client, location,
                storeStatistics::failingFast));
    }

    private static void createTable(DynamoDbClient client, SessionStore store, StoreLocation location) {
        try {
            new TableAdmin(client, store.layout(), location).createIfMissing();
        } catch (RuntimeException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }

    /** A cap per caller needs the caller index: a table without it fails the deployment, saying how to add it. */
    private void checkCallerIndex() {
        try {
            new SessionRegistry(context).checkIndex();
        } catch (DySessionStoreException e) {
            LOG.warning(() -> "dysession could not check the caller index that " + ConfigKeys.LOGIN_MAX_SESSIONS
                    + " needs: " + e.getMessage() + " It is checked again at the first login.");
        } catch (IllegalStateException e) {
            throw new DeploymentException(e.getMessage() + " (" + ConfigKeys.LOGIN_MAX_SESSIONS + " is set)", e);
        }
    }

    /** The application's own client, if it produces one with {@link DySessionClient}; null otherwise. */
    private static DynamoDbClient applicationClient(BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(DynamoDbClient.class, DySessionClient.Literal.INSTANCE);
        if (beans.isEmpty()) {
            return null;
        }
        Bean<?> bean = beanManager.resolve(beans);
        return (DynamoDbClient) beanManager.getReference(bean, DynamoDbClient.class,
                beanManager.createCreationalContext(bean));
    }

    void stop(@Observes BeforeShutdown event) {
        if (runtime != null) {
            runtime.close();
        }
    }
}
