package io.dysession.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The store the tests run on checks a write's condition and makes the write as one step, as
 * DynamoDB does. Every concurrency, cache and no-resurrection test relies on it: on a store that
 * checks conditions apart from the writes they guard (moto's stock threaded server), two requests
 * can both pass {@code ver = :v}, both write, and one acknowledged write is silently lost.
 */
class StoreAtomicityTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 80;

    /**
     * In each round, 16 threads released together race to create the same item with
     * {@code attribute_not_exists}, the condition every new session is written with: exactly one
     * may be acknowledged. Then they race to move its version from 0 to 1 with {@code ver = :v},
     * the condition of the cache's and strict mode's writes: again exactly one.
     */
    @Test
    void exactlyOneOfManyRacingConditionalWritesIsAcknowledged() throws Exception {
        DynamoDbClient client = DynamoDbEmulator.client();
        String table = "atomicity-" + System.nanoTime();
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            int doubleCreates = 0;
            int doubleIncrements = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("item-" + round));
                doubleCreates += race(pool, () -> create(client, table, key)) - 1;
                doubleIncrements += race(pool, () -> increment(client, table, key)) - 1;
                long stored = Long.parseLong(client.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                        .item().get("ver").n());
                doubleIncrements += (int) Math.max(0, stored - 1);
            }
            assertEquals(0, doubleCreates + doubleIncrements, "The DynamoDB store under test let through "
                    + doubleCreates + " creates and " + doubleIncrements + " increments (acknowledged or stored) whose "
                    + "condition another write had already made false: it checks conditions apart from the writes they guard, so the "
                    + "concurrency and no-resurrection tests prove nothing on it. Serve moto through "
                    + "tools/dynamodb-emulator.sh (requests serialized), not the stock threaded moto_server.");
        } finally {
            pool.shutdownNow();
            client.deleteTable(b -> b.tableName(table));
        }
    }

    /** Runs {@code write} on every thread at once; the number of acknowledged writes. */
    private static int race(ExecutorService pool, Callable<Boolean> write) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Boolean>> writes = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writes.add(pool.submit(() -> {
                start.await();
                return write.call();
            }));
        }
        int acknowledged = 0;
        for (Future<Boolean> result : writes) {
            acknowledged += result.get() ? 1 : 0;
        }
        return acknowledged;
    }

    private static boolean create(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        try {
            client.putItem(b -> b.tableName(table).item(Map.of("PK", key.get("PK"), "ver", AttributeValue.fromN("0")))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private static boolean increment(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        try {
            client.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET ver = ver + :one")
                    .conditionExpression("ver = :seen")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":seen", AttributeValue.fromN("0"))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }
}
