package io.dysession.test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB emulator the build started for the tests (tools/dynamodb-emulator.sh: moto's
 * DynamoDB with requests serialized; see pom.xml), and a client for looking at what the library stored.
 */
public final class DynamoDbEmulator {

    public static final String ENDPOINT_PROPERTY = "dysession.test.endpoint";

    private static DynamoDbClient client;

    private DynamoDbEmulator() {
    }

    /** The endpoint, once the emulator answers. */
    public static synchronized String endpoint() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("System property " + ENDPOINT_PROPERTY + " is not set: these tests "
                    + "need the DynamoDB emulator that the build starts (moto's server, see tools/dynamodb-emulator.sh). "
                    + "Run them with `mvn verify` (or `mvn test`) from the project root; from an IDE, start "
                    + "`tools/dynamodb-emulator.sh --port 8000` and set -D" + ENDPOINT_PROPERTY
                    + "=http://127.0.0.1:8000.");
        }
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            awaitReady(endpoint);
            deleteTables();
        }
        return endpoint;
    }

    /**
     * Each test JVM starts from an emulator without tables: the surefire runs (Weld, OpenWebBeans)
     * share the emulator the build started, and their tests use the same table names.
     */
    private static void deleteTables() {
        client.listTablesPaginator().tableNames().forEach(table -> client.deleteTable(b -> b.tableName(table)));
    }

    /** A client of the emulator, for tests to inspect or alter items directly. */
    public static DynamoDbClient client() {
        endpoint();
        return client;
    }

    private static void awaitReady(String endpoint) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                client.listTables();
                return;
            } catch (SdkClientException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The DynamoDB emulator at " + endpoint + " did not "
                            + "answer within 90 s; see target/dynamodb-emulator/dynamodb-emulator.log", e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }
}
