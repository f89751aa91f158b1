package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.dysession.internal.admin.ExpiredSessionPurge;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.StoreLocation;
import io.dysession.internal.store.TableLayout;
import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Purge on tables without TTL, the case it is for: a store with TTL enabled deletes expired items by itself,
 * slowly, on tables with TTL enabled, which would race with the counts asserted here.
 */
class PurgeCommandTest {

    private static final long NOW = Instant.now().getEpochSecond();

    @Test
    void removesExactlyTheExpiredSessions() {
        String table = Cli.uniqueTable("purge");
        Tables.create(table, "PK", null);
        Set<String> live = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            put(table, Map.of("PK", s("expired-" + i)), NOW - 1 - i * 60L);
        }
        for (int i = 0; i < 25; i++) {
            put(table, Map.of("PK", s("live-" + i)), NOW + 3600 + i);
            live.add("live-" + i);
        }
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(Map.of("PK", s("no-expiry"))));
        live.add("no-expiry");

        Cli.Run dryRun = Cli.run(Cli.args("purge", table, "--dry-run"));
        assertEquals(0, dryRun.exitCode(), dryRun::toString);
        assertEquals("dry run: 40 expired sessions of 66 scanned would be purged; nothing was deleted\n",
                dryRun.out().replace("\r\n", "\n"));
        assertEquals(66, keys(table, "PK").size(), "a dry run deletes nothing");

        Cli.Run run = Cli.run(Cli.args("purge", table, "--segments", "3"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("purged 40 expired sessions of 66 scanned\n", run.out().replace("\r\n", "\n"));
        assertTrue(run.err().startsWith("purge: scanned "), run::toString);
        assertEquals(live, keys(table, "PK"));

        Cli.Run again = Cli.run(Cli.args("purge", table));
        assertEquals("purged 0 expired sessions of 26 scanned\n", again.out().replace("\r\n", "\n"));
    }

    @Test
    void leavesOtherItemsOfASingleTableDesignAlone() {
        String table = Cli.uniqueTable("purge-single-table");
        String[] settings = {"--sort-key", "SK", "--key-prefix", "session#"};
        Tables.create(table, "PK", "SK");
        put(table, Map.of("PK", s("session#old"), "SK", s("session")), NOW - 10);
        put(table, Map.of("PK", s("session#new"), "SK", s("session")), NOW + 600);
        put(table, Map.of("PK", s("order#1"), "SK", s("session")), NOW - 10);
        put(table, Map.of("PK", s("session#old"), "SK", s("audit")), NOW - 10);

        Cli.Run run = Cli.run(Cli.args("purge", table, settings));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("purged 1 expired sessions of 4 scanned\n", run.out().replace("\r\n", "\n"));
        Set<String> left = new TreeSet<>();
        DynamoDbEmulator.client().scan(b -> b.tableName(table)).items()
                .forEach(item -> left.add(item.get("PK").s() + "/" + item.get("SK").s()));
        assertEquals(Set.of("session#new/session", "order#1/session", "session#old/audit"), left);
    }

    @Test
    void aSessionUsedBetweenScanAndDeleteSurvives() {
        String table = Cli.uniqueTable("purge-race");
        Tables.create(table, "PK", null);
        put(table, Map.of("PK", s("used-meanwhile")), NOW - 10);
        put(table, Map.of("PK", s("abandoned")), NOW - 10);
        TableLayout layout = new TableLayout(table, "PK", Optional.empty(), "session", "ttl", "caller-index");
        ExpiredSessionPurge purge = new ExpiredSessionPurge(CallPath.forTools(DynamoDbEmulator.client(),
                new StoreLocation(table, "us-east-1", DynamoDbEmulator.endpoint())), layout, "");
        AtomicBoolean touched = new AtomicBoolean();
        // Called once the scan has found both expired items, before any delete: a request touches one.
        ExpiredSessionPurge.Counts counts = purge.run(NOW, 1, false, progress -> {
            if (touched.compareAndSet(false, true)) {
                DynamoDbEmulator.client().updateItem(b -> b.tableName(table).key(Map.of("PK", s("used-meanwhile")))
                        .updateExpression("SET #ttl = :later").expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(":later", AttributeValue.fromN(Long.toString(NOW + 1800)))));
            }
        });
        assertEquals(new ExpiredSessionPurge.Counts(2, 2, 1, 1), counts);
        assertEquals(Set.of("used-meanwhile"), keys(table, "PK"));
    }

    @Test
    void aMissingTableIsAFailure() {
        String table = Cli.uniqueTable("purge-missing");
        Cli.Run run = Cli.run(Cli.args("purge", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") does not exist."), run::toString);
    }

    @Test
    void aTableWithOtherKeysIsNotTouched() {
        String table = Cli.uniqueTable("purge-other-keys");
        Tables.create(table, "id", null);
        put(table, Map.of("id", s("x")), NOW - 10);
        Cli.Run run = Cli.run(Cli.args("purge", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has partition key 'id' (S) but dysession is configured for 'PK' (S)"),
                run::toString);
        assertEquals(1, DynamoDbEmulator.client().scan(b -> b.tableName(table)).count());
    }

    private static void put(String table, Map<String, AttributeValue> key, long expires) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("ttl", AttributeValue.fromN(Long.toString(expires)));
        item.put("created", AttributeValue.fromN(Long.toString((expires - 1800) * 1000)));
        item.put("accessed", AttributeValue.fromN(Long.toString((expires - 1800) * 1000)));
        item.put("ver", AttributeValue.fromN("1"));
        item.put("beans", AttributeValue.fromM(Map.of("com.example.Cart", s("{\"items\":[]}"))));
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(item));
    }

    private static Set<String> keys(String table, String partitionKey) {
        Set<String> keys = new TreeSet<>();
        DynamoDbEmulator.client().scan(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> keys.add(item.get(partitionKey).s()));
        return keys;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
