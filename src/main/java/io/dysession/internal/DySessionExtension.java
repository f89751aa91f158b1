package io.dysession.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

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
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;

import org.eclipse.microprofile.config.ConfigProvider;

import io.dysession.DySession;
import io.dysession.DySessionClient;
import io.dysession.DySessionScoped;
import io.dysession.DySessionStatistics;
import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import io.dysession.internal.context.CurrentSession;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionEnvironment;
import io.dysession.internal.store.DynamoDbClients;
import io.dysession.internal.store.SessionCache;
import io.dysession.internal.store.SessionStore;
import io.dysession.internal.store.StoreLocation;
import io.dysession.internal.store.StoreStatistics;
import io.dysession.internal.health.HealthRegistration;
import io.dysession.internal.metrics.MetricsBinder;
import io.dysession.internal.store.TableAdmin;
import io.dysession.internal.store.TableProbe;
import io.dysession.internal.store.TableLayout;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    private final List<String> definitionProblems = new ArrayList<>();
    private final StoreStatistics statistics = new StoreStatistics();
    private DynamoDbClient client;
    private StateCodec codec;
    private boolean ownsClient;
    private volatile TableProbe probe;
    private volatile Settings settings;

    /** The validated settings, for the filter; null until the deployment is validated. */
    public Settings settings() {
        return settings;
    }

    /** The context, for the filter that binds requests to it. */
    public DySessionContext context() {
        return context;
    }

    void addMetrics(@Observes BeforeBeanDiscovery event) {
        if (OptionalApis.present(OptionalApis.METRICS, getClass().getClassLoader())) {
            event.addAnnotatedType(MetricsBinder.class, MetricsBinder.class.getName());
        }
    }

    <T> void checkBean(@Observes ProcessBean<T> event) {
        if (event.getBean().getScope() != DySessionScoped.class) {
            return;
        }
        if (event instanceof ProcessProducerMethod<?, ?> producer) {
            definitionProblems.add(producerProblem("method", producer.getAnnotatedProducerMethod().getJavaMember()
                    .getDeclaringClass().getName() + "." + producer.getAnnotatedProducerMethod().getJavaMember()
                    .getName() + "()"));
        } else if (event instanceof ProcessProducerField<?, ?> producer) {
            definitionProblems.add(producerProblem("field", producer.getAnnotatedProducerField().getJavaMember()
                    .getDeclaringClass().getName() + "." + producer.getAnnotatedProducerField().getJavaMember()
                    .getName()));
        } else {
            checkBeanClass(event.getBean().getBeanClass());
        }
    }

    void registerContext(@Observes AfterBeanDiscovery event) {
        definitionProblems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        event.addContext(context);
        event.addBean().types(DySession.class, Object.class).scope(Dependent.class)
                .beanClass(CurrentSession.class).createWith(creationalContext -> new CurrentSession(context));
        event.addBean().types(DySessionStatistics.class, Object.class).scope(Dependent.class)
                .beanClass(StoreStatistics.class).createWith(creationalContext -> statistics);
        if (OptionalApis.present(OptionalApis.HEALTH, getClass().getClassLoader())) {
            HealthRegistration.register(event, () -> probe);
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
        Settings settings = result.settings();
        try {
            client = applicationClient(beanManager);
            ownsClient = client == null;
            if (ownsClient) {
                client = DynamoDbClients.build(settings.region(), settings.endpoint(), settings.accessKey());
            }
        } catch (SdkException e) {
            event.addDeploymentProblem(new DeploymentException("dysession cannot build its DynamoDB client: "
                    + e.getMessage() + " Set " + SettingsReader.REGION + " (or AWS_REGION) to the table's region.",
                    e));
            return;
        }
        StoreLocation location = DynamoDbClients.locate(client, settings.tableName());
        TableLayout layout = new TableLayout(settings.tableName(), settings.partitionKey(), settings.sortKey(),
                settings.sortKeyValue(), settings.ttlAttribute());
        if (settings.autoCreate()) {
            try {
                new TableAdmin(client, layout, location).createIfMissing();
            } catch (RuntimeException e) {
                event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
                return;
            }
        }
        codec = new StateCodec();
        SessionCache cache = settings.cacheEnabled()
                ? new SessionCache(settings.cacheMaxEntries(), settings.cacheMaxStaleness(), Clock.systemUTC())
                : null;
        SessionStore store = new SessionStore(client, layout, settings.consistentRead(), location,
                settings.compressionThreshold(), cache, statistics);
        context.configure(new SessionEnvironment(store, codec, settings.keyPrefix(), settings.timeout(),
                settings.maxLifetime(), settings.touchInterval(), settings.failOnIncompatibleState(),
                settings.strict(), new CdiSessionEvents(beanManager), Clock.systemUTC()));
        this.settings = settings;
        probe = new TableProbe(client, location);
        LOG.info(() -> "dysession stores @DySessionScoped beans in DynamoDB " + location
                + (ownsClient ? "" : " through the application's @DySessionClient DynamoDbClient"));
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
        try {
            if (codec != null) {
                codec.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
        if (client != null && ownsClient) {
            client.close();
        }
    }

    private void checkBeanClass(Class<?> beanClass) {
        if (Modifier.isFinal(beanClass.getModifiers())) {
            definitionProblems.add("@DySessionScoped bean class " + beanClass.getName() + " is final. The container "
                    + "must proxy a @DySessionScoped bean: remove the final modifier.");
        }
        if (!hasUsableNoArgConstructor(beanClass)) {
            definitionProblems.add("@DySessionScoped bean class " + beanClass.getName() + " has no public or "
                    + "protected no-arg constructor, which JSON-B needs to read its stored state. Add one; it may "
                    + "be empty.");
        }
    }

    private static boolean hasUsableNoArgConstructor(Class<?> beanClass) {
        for (Constructor<?> constructor : beanClass.getDeclaredConstructors()) {
            int modifiers = constructor.getModifiers();
            if (constructor.getParameterCount() == 0 && (Modifier.isPublic(modifiers)
                    || Modifier.isProtected(modifiers))) {
                return true;
            }
        }
        return false;
    }

    private static String producerProblem(String kind, String member) {
        return "Producer " + kind + " " + member + " is @DySessionScoped, but only bean classes can be: dysession "
                + "restores stored state into an instance the container creates from the class. Put "
                + "@DySessionScoped on the class instead, or give the producer another scope.";
    }
}
