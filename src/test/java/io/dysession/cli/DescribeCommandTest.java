package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DescribeCommandTest {

    @Test
    void showsStatusKeysTtlItemsAndThatTheTableMatches() {
        String table = Cli.uniqueTable("describe");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"),
                "ttl", AttributeValue.fromN("1"))));

        Cli.Run run = Cli.run(Cli.args("describe", table));
        assertEquals(0, run.exitCode(), run::toString);
        String expected = String.join("\n",
                "Table:            " + table,
                "Region:           us-east-1",
                "Endpoint:         " + DynamoDbEmulator.endpoint(),
                "Status:           ACTIVE",
                "Billing:          PAY_PER_REQUEST (on-demand)",
                "Partition key:    'PK' (S)",
                "Sort key:         none",
                "TTL:              ENABLED on 'ttl'",
                "Caller index:     'caller-index' ACTIVE",
                "Items:            about 1 (DynamoDB updates this about every six hours)");
        assertTrue(run.out().replace("\r\n", "\n").startsWith(expected), run::toString);
        assertTrue(run.out().contains("Matches settings: yes (partition key 'PK', TTL attribute 'ttl')"),
                run::toString);
    }

    @Test
    void countsSessionsAndValuesPerKeyIdWithAScanWhenAsked() {
        String table = Cli.uniqueTable("describe-keys");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put("s1", Map.of("A", items.bean("old", "s1", "A", "{}"), "B", items.bean("old", "s1", "B", "{}")),
                items.login("old", "s1", "alice"), 1);
        items.put("s2", Map.of("A", items.bean("old", "s2", "A", "{}"), "B", items.gzipBean("old", "s2", "B", "{}")),
                null, 1);
        items.put("s3", Map.of("A", items.bean("new", "s3", "A", "{}")), null, 1);
        items.put("s4", Map.of("A", AttributeValue.fromS("{}")), SealedItems.plainLogin("bob"), 1);
        items.put("s5", Map.of("A", items.bean("new", "s5", "A", "{}"), "B", AttributeValue.fromB(SealedItems.gzip("{}"))),
                null, 1);
        items.put("s6", Map.of("A", items.bean("gone", "s6", "A", "{}")), null, 1);
        // Not a session item (no version): not counted.
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("other"),
                "beans", AttributeValue.fromM(Map.of("A", AttributeValue.fromS("{}"))))));

        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("describe", table, "--keys"));
        assertEquals(0, run.exitCode(), run::toString);
        String out = run.out().replace("\r\n", "\n");
        assertTrue(out.endsWith(String.join("\n",
                "Encryption keys:  counted with a Scan of 6 session items (it reads the whole table)",
                "  key 'gone':     1 sessions, 1 values (not in DYSESSION_ENCRYPTION_KEYS: these values do not "
                        + "decrypt)",
                "  key 'new':      2 sessions, 2 values (active)",
                "  key 'old':      2 sessions, 5 values (decrypt only: run 'dysession rekey' before retiring it)",
                "  plain:          2 sessions, 3 values (not encrypted)",
                "")), run::toString);
        RekeyCommandTest.assertNoKeyMaterial(run);

        // Without the keys it counts all the same, from the ids stored with the values.
        Cli.Run keyless = Cli.run(Cli.args("describe", table, "--keys"));
        assertEquals(0, keyless.exitCode(), keyless::toString);
        assertTrue(keyless.out().replace("\r\n", "\n").contains("\n  key 'old':      2 sessions, 5 values\n"),
                keyless::toString);

        Cli.Run plain = Cli.run(Cli.args("describe", table));
        assertFalse(plain.out().contains("Encryption keys"), "only --keys scans the table: " + plain);
    }

    @Test
    void aTableWithoutTtlMatchesWithANote() {
        String table = Cli.uniqueTable("describe-no-ttl");
        Tables.create(table, "PK", null);
        Cli.Run run = Cli.run(Cli.args("describe", table));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("TTL:              DISABLED"), run::toString);
        assertTrue(run.out().contains("Note: TTL is not enabled on 'ttl'"), run::toString);
    }

    @Test
    void aTableWithOtherKeysDoesNotMatch() {
        String table = Cli.uniqueTable("describe-other-keys");
        Tables.create(table, "id", "type");
        Cli.Run run = Cli.run(Cli.args("describe", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Matches settings: no"), run::toString);
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") has partition key 'id' (S) but dysession is configured for 'PK' (S), "
                + "and has sort key 'type' (S) but dysession is configured without a sort key."), run::toString);
    }

    @Test
    void aMissingTableIsAFailureNamingTableRegionAndEndpoint() {
        String table = Cli.uniqueTable("describe-missing");
        Cli.Run run = Cli.run(Cli.args("describe", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") does not exist. Create it with 'dysession init'"), run::toString);
    }

    @Test
    void anUnreachableEndpointIsAFailureNamingTableRegionAndEndpoint() {
        int port = Cli.closedPort();
        Cli.Run run = Cli.run(Cli.args("describe", "sessions", "--endpoint", "http://127.0.0.1:" + port));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Cannot reach DynamoDB for table 'sessions' (region us-east-1, endpoint "
                + "http://127.0.0.1:" + port + ") (DescribeTable)"), run::toString);
    }
}
