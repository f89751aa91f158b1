package io.dysession.internal.store;

import java.net.URI;
import java.time.Duration;

import io.dysession.internal.config.ClientSettings;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one shared {@link DynamoDbClient}: region, endpoint and credentials from the settings
 * when set, otherwise the AWS SDK default chains.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /**
     * @param accessKey static credentials (access key id and secret), the least preferred way;
     *                  empty means the SDK default chain
     */
    public static DynamoDbClient build(ClientSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)));
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
}
