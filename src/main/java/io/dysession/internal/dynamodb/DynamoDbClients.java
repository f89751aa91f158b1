package io.dysession.internal.dynamodb;

import java.net.URI;
import java.time.Duration;

import io.dysession.internal.config.ClientSettings;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one shared {@link DynamoDbClient}: region, endpoint and credentials from the settings
 * when set, otherwise the AWS SDK default chains; a pool of kept-alive connections; every call
 * bounded by the call and attempt timeouts, with the SDK's standard retry strategy.
 */
public final class DynamoDbClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    // DynamoDB's own SDK default base delay; throttling backs off longer; no single wait beyond a second
    private static final Duration BASE_DELAY = Duration.ofMillis(25);
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private DynamoDbClients() {
    }

    public static DynamoDbClient build(ClientSettings settings) {
        ClientSettings.Limits limits = settings.limits();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(limits.maxConnections())
                        .connectionTimeout(shorter(CONNECT_TIMEOUT, limits.attemptTimeout()))
                        .socketTimeout(limits.attemptTimeout())
                        // waiting for a free pooled connection counts against the call, not beyond it
                        .connectionAcquisitionTimeout(limits.callTimeout())
                        .tcpKeepAlive(true))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(limits.callTimeout())
                        .apiCallAttemptTimeout(limits.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(limits.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                                .throttlingBackoffStrategy(
                                        BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF))
                                .build())
                        .build());
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.accessKey().ifPresent(key -> builder.credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))));
        return builder.build();
    }

    /** Where a client sends its requests, for messages. */
    public static StoreLocation locate(DynamoDbClient client, String table) {
        String region = String.valueOf(client.serviceClientConfiguration().region());
        String endpoint = client.serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElse("default AWS endpoint");
        return new StoreLocation(table, region, endpoint);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
