package io.dysession.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB's documented behaviour that the library relies on and that moto, the emulator of the
 * other tests, does not reproduce. These run only against a real DynamoDB endpoint:
 *
 * <pre>
 * mvn test -Dtest=RealDynamoDbTest -Ddysession.test.real-dynamodb=eu-west-1
 *     [-Ddysession.test.real-dynamodb.endpoint=https://...]
 * </pre>
 *
 * with credentials in the environment ({@code AWS_ACCESS_KEY_ID}, ...) or the default profile.
 * The test creates an on-demand table {@code dysession-real-test-<time>} and deletes it.
 */
@EnabledIfSystemProperty(named = RealDynamoDbTest.REGION_PROPERTY, matches = ".+")
class RealDynamoDbTest {

    static final String REGION_PROPERTY = "dysession.test.real-dynamodb";

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getProperty(REGION_PROPERTY)))
                .credentialsProvider(AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                        ProfileCredentialsProvider.create()))
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = System.getProperty(REGION_PROPERTY + ".endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        client = builder.build();
        table = "dysession-real-test-" + System.currentTimeMillis();
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH)));
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    @AfterAll
    static void deleteTable() {
        if (client != null) {
            client.deleteTable(b -> b.tableName(table));
            client.close();
        }
    }

    /** The capacity figures of DySessionStatistics and docs/production.md (moto: 0.5 for a consistent read). */
    @Test
    void aSmallItemCostsOneWriteUnitAndOneStronglyConsistentReadUnit() {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("capacity"));
        double written = client.putItem(b -> b.tableName(table)
                .item(Map.of("PK", key.get("PK"), "beans", AttributeValue.fromM(Map.of())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double consistent = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double eventual = client.getItem(b -> b.tableName(table).key(key).consistentRead(false)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertEquals(1.0, written);
        assertEquals(1.0, consistent);
        assertEquals(0.5, eventual);
    }

    /** TableAdmin.enableTtl treats this refusal as "another server enabled it" (moto: accepted). */
    @Test
    void enablingTtlTwiceIsRefusedWithAlreadyEnabled() {
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        DynamoDbException refused = assertThrows(DynamoDbException.class, () -> client.updateTimeToLive(b -> b
                .tableName(table).timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true))));
        assertTrue(refused.getMessage().contains("already enabled"), refused::getMessage);
    }

    /**
     * A session write sets {@code beans.<class>}; on an item whose {@code beans} is not a map,
     * DynamoDB refuses the whole update (moto: skips that SET, applies the rest, answers 200).
     */
    @Test
    void aNestedSetOnANonMapIsRefusedAndChangesNothing() {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("not-a-map"));
        client.putItem(b -> b.tableName(table).item(Map.of("PK", key.get("PK"), "beans", AttributeValue.fromS("x"),
                "ver", AttributeValue.fromN("1"))));

        DynamoDbException refused = assertThrows(DynamoDbException.class, () -> client.updateItem(b -> b
                .tableName(table).key(key)
                .updateExpression("SET beans.#b = :j, ver = ver + :one")
                .expressionAttributeNames(Map.of("#b", "com.example.Cart"))
                .expressionAttributeValues(Map.of(":j", AttributeValue.fromS("{}"), ":one", AttributeValue.fromN("1")))));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.getMessage().contains("document path provided in the update expression is invalid"),
                refused::getMessage);
        assertEquals("1", client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item().get("ver").n());
    }
}
