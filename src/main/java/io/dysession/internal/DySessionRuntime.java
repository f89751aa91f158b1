package io.dysession.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.Settings;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.store.TableProbe;

/**
 * What a started dysession consists of: the settings, the context the filter binds requests to,
 * the DynamoDB client and the JSON-B codec to close at shutdown, and the readiness probe.
 *
 * @param settings    the validated settings
 * @param context     the {@code @DySessionScoped} context, configured with store and codec
 * @param client      the DynamoDB client
 * @param ownsClient  true when dysession built the client (and so closes it), false for the application's own
 * @param codec       the JSON-B codec
 * @param probe       the table readiness probe
 */
public record DySessionRuntime(Settings settings, DySessionContext context, DynamoDbClient client,
                               boolean ownsClient, StateCodec codec, TableProbe probe) {

    private static final Logger LOG = Logger.getLogger(DySessionRuntime.class.getName());

    void close() {
        try {
            codec.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
        if (ownsClient) {
            client.close();
        }
    }
}
