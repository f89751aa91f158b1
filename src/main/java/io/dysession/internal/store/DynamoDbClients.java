package io.dysession.internal.store;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one shared {@link DynamoDbClient}: region and endpoint from the settings when set,
 * otherwise the AWS SDK default chains; credentials always from the default chain.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient build(Optional<String> region, Optional<URI> endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
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
