package io.dysession.operations;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.dysession.DySessionClient;
import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An application that configures its own DynamoDbClient and hands it to dysession. */
@ApplicationScoped
public class OwnClientProducer {

    static volatile DynamoDbClient produced;

    @Produces
    @ApplicationScoped
    @DySessionClient
    DynamoDbClient sessionsClient() {
        produced = DynamoDbClient.builder()
                .endpointOverride(URI.create(DynamoDbEmulator.endpoint()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("own", "own")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return produced;
    }
}
