package io.dysession.internal;

import java.time.Clock;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import io.dysession.DySessionClient;
import io.dysession.DySessionStoreException;
import io.dysession.internal.admin.TableAdmin;
import io.dysession.internal.admin.TableProbe;
import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.ClientSettings;
import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.ConfigKeys;
import io.dysession.internal.config.Settings;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionEnvironment;
import io.dysession.internal.context.StateNames;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.DynamoDbClients;
import io.dysession.internal.dynamodb.FailFast;
import io.dysession.internal.dynamodb.StoreLocation;
import io.dysession.internal.login.SessionRegistry;
import io.dysession.internal.statistics.Counters;
import io.dysession.internal.store.SessionStore;
import io.dysession.internal.web.SessionHandoff;

/**
 * A started dysession: assembled in one place ({@link #start}) once the deployment is valid, then
 * reached by the filter and the login interceptor as a bean. Closed at shutdown.
 *
 * @param settings    the validated settings
 * @param context     the {@code @DySessionScoped} context, configured with store and codec
 * @param handoff     the request's session between login mechanism, filter and async dispatches; the commit
 * @param registry    the logged-in sessions by caller, and the cap per caller
 * @param probe       the table readiness probe
 * @param client      the DynamoDB client
 * @param ownsClient  true when dysession built the client (and so closes it), false for the application's own
 * @param codec       the JSON-B codec
 */
public record DySessionRuntime(Settings settings, DySessionContext context, SessionHandoff handoff,
                               SessionRegistry registry, TableProbe probe, DynamoDbClient client,
                               boolean ownsClient, StateCodec codec) {

    private static final Logger LOG = Logger.getLogger(DySessionRuntime.class.getName());

    /**
     * Client, table, store, codec and context, in that order. A failure is a deployment problem,
     * and leaves no connection pool behind.
     */
    static DySessionRuntime start(Settings settings, BeanManager beanManager, DySessionContext context,
                                  StateNames names, Counters counters) {
        DynamoDbClient application = applicationClient(beanManager);
        DynamoDbClient client = application != null ? application : build(settings.client());
        boolean ownsClient = application == null;
        StoreLocation location = DynamoDbClients.locate(client, settings.table().name());
        Clock clock = Clock.systemUTC();
        ClientSettings.Limits limits = settings.client().limits();
        CallPath calls = new CallPath(client, location, counters,
                new FailFast(limits.failFastAfter(), limits.failFastFor(), location, counters, clock));
        StateCodec codec = new StateCodec();
        try {
            SessionStore store = SessionStore.open(calls, settings, counters, clock);
            TableAdmin admin = new TableAdmin(calls, store.layout());
            if (settings.table().autoCreate()) {
                createTable(admin);
            }
            SessionEnvironment env = new SessionEnvironment(store, codec, names, new CdiSessionEvents(beanManager),
                    counters, settings.timing(), settings.onIncompatibleState(), clock,
                    settings.concurrency().mode() == ConcurrencyMode.SERIALIZED);
            context.configure(env);
            SessionRegistry registry = new SessionRegistry(context, env, admin, settings.login());
            checkCallerIndex(registry);
            LOG.info(() -> "dysession stores @DySessionScoped beans in DynamoDB " + location
                    + (ownsClient ? "" : " through the application's @DySessionClient DynamoDbClient")
                    + " as JSON (JSON-B: " + codec.provider() + ")");
            return new DySessionRuntime(settings, context, new SessionHandoff(context, settings), registry,
                    new TableProbe(admin, location, counters::failingFast), client, ownsClient, codec);
        } catch (DeploymentException e) {
            if (ownsClient) {
                client.close(); // a failed deployment leaves no connection pool behind
            }
            closeQuietly(codec);
            throw e;
        }
    }

    void close() {
        closeQuietly(codec);
        if (ownsClient) {
            client.close();
        }
    }

    private static DynamoDbClient build(ClientSettings settings) {
        try {
            return DynamoDbClients.build(settings);
        } catch (SdkException e) {
            throw new DeploymentException("dysession cannot build its DynamoDB client: " + e.getMessage() + " Set "
                    + ConfigKeys.REGION + " (or AWS_REGION) to the table's region.", e);
        }
    }

    private static void createTable(TableAdmin admin) {
        try {
            admin.createIfMissing();
        } catch (RuntimeException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }

    /** A cap per caller needs the caller index: a table without it fails the deployment, saying how to add it. */
    private static void checkCallerIndex(SessionRegistry registry) {
        try {
            registry.checkIndex();
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

    private static void closeQuietly(StateCodec codec) {
        try {
            codec.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
    }
}
