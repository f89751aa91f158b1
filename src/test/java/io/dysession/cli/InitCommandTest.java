package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class InitCommandTest {

    @Test
    void createsAnActiveOnDemandTableWithTtlAndIsIdempotent() {
        String table = Cli.uniqueTable("init");
        Cli.Run first = Cli.run(Cli.args("init", table));
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().contains("Created DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ")"), first::toString);

        TableDescription created = DynamoDbEmulator.client().describeTable(b -> b.tableName(table)).table();
        assertEquals("PK", created.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, created.keySchema().get(0).keyType());
        assertEquals(ScalarAttributeType.S, created.attributeDefinitions().get(0).attributeType());
        assertEquals(BillingMode.PAY_PER_REQUEST, created.billingModeSummary().billingMode());
        assertEquals(Optional.of("ttl"), Cli.ttlAttribute(table));

        Cli.Run describe = Cli.run(Cli.args("describe", table));
        assertEquals(0, describe.exitCode(), describe::toString);
        assertTrue(describe.out().contains("Status:           ACTIVE"), describe::toString);
        assertTrue(describe.out().contains("TTL:              ENABLED on 'ttl'"), describe::toString);

        Cli.Run second = Cli.run(Cli.args("init", table));
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.out().contains("already exists with the configured key schema; TTL is on 'ttl'"),
                second::toString);
    }

    @Test
    void createsProvisionedTablesWithASortKey() {
        String table = Cli.uniqueTable("init-provisioned");
        Cli.Run run = Cli.run(Cli.args("init", table, "--provisioned", "--read-capacity", "3", "--write-capacity",
                "2", "--sort-key", "SK", "--ttl-attribute", "expires"));
        assertEquals(0, run.exitCode(), run::toString);

        TableDescription created = DynamoDbEmulator.client().describeTable(b -> b.tableName(table)).table();
        assertEquals("SK", created.keySchema().get(1).attributeName());
        assertEquals(KeyType.RANGE, created.keySchema().get(1).keyType());
        assertEquals(3L, created.provisionedThroughput().readCapacityUnits());
        assertEquals(2L, created.provisionedThroughput().writeCapacityUnits());
        assertEquals(Optional.of("expires"), Cli.ttlAttribute(table));

        Cli.Run describe = Cli.run(Cli.args("describe", table, "--sort-key", "SK", "--ttl-attribute", "expires"));
        assertEquals(0, describe.exitCode(), describe::toString);
        assertTrue(describe.out().contains("PROVISIONED (3 read, 2 write capacity units)"), describe::toString);
        assertTrue(describe.out().contains("Sort key:         'SK' (S)"), describe::toString);
    }

    @Test
    void enablesTtlOnAnExistingTableThatHasNone() {
        String table = Cli.uniqueTable("init-no-ttl");
        Tables.create(table, "PK", null);
        Cli.Run run = Cli.run(Cli.args("init", table));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("already exists with the configured key schema; enabled TTL on 'ttl'"),
                run::toString);
        assertEquals(Optional.of("ttl"), Cli.ttlAttribute(table));
    }

    @Test
    void aWrongPartitionKeyIsAnErrorThatSaysWhatDiffers() {
        String table = Cli.uniqueTable("init-wrong-key");
        Tables.create(table, "id", null);
        Cli.Run run = Cli.run(Cli.args("init", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") has partition key 'id' (S) but dysession is configured for 'PK' (S)."),
                run::toString);
        assertEquals(Optional.empty(), Cli.ttlAttribute(table), "TTL left alone");
    }

    @Test
    void aSortKeyTheSettingsDoNotNameIsAnError() {
        String table = Cli.uniqueTable("init-extra-sort-key");
        Tables.create(table, "PK", "SK");
        Cli.Run run = Cli.run(Cli.args("init", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has sort key 'SK' (S) but dysession is configured without a sort key"),
                run::toString);
    }

    @Test
    void ttlOnAnotherAttributeIsAnError() {
        String table = Cli.uniqueTable("init-other-ttl");
        Tables.create(table, "PK", null);
        DynamoDbEmulator.client().updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));
        Cli.Run run = Cli.run(Cli.args("init", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has TTL ENABLED on 'expiresAt' but dysession writes expiry to 'ttl'"),
                run::toString);
    }

    @Test
    void anUnreachableEndpointNamesTableRegionAndEndpoint() {
        int port = Cli.closedPort();
        String table = Cli.uniqueTable("init-unreachable");
        Cli.Run run = Cli.run(Cli.args("init", table, "--endpoint", "http://127.0.0.1:" + port));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Cannot reach DynamoDB for table '" + table + "' (region us-east-1, endpoint "
                + "http://127.0.0.1:" + port + ")"), run::toString);
        assertFalse(Cli.tableExists(table));
    }

    @Test
    void flagsWinOverEnvironmentVariablesWhichWinOverDefaults() {
        String fromEnvironment = Cli.uniqueTable("init-env");
        String fromFlag = Cli.uniqueTable("init-flag");
        Map<String, String> environment = Cli.localEnvironment();
        environment.put("DYSESSION_TABLE_NAME", fromEnvironment);
        environment.put("DYSESSION_TABLE_PARTITION_KEY", "sessionKey");

        assertEquals(0, Cli.run(environment, "", "init").exitCode());
        assertTrue(Cli.tableExists(fromEnvironment));
        assertEquals("sessionKey", DynamoDbEmulator.client().describeTable(b -> b.tableName(fromEnvironment)).table()
                .keySchema().get(0).attributeName());

        assertEquals(0, Cli.run(environment, "", "init", "--table-name", fromFlag, "--partition-key", "PK")
                .exitCode());
        assertEquals("PK", DynamoDbEmulator.client().describeTable(b -> b.tableName(fromFlag)).table().keySchema()
                .get(0).attributeName());
        assertEquals(Optional.of("ttl"), Cli.ttlAttribute(fromFlag), "the default TTL attribute");
    }

    @Test
    void staticCredentialsFromFlagsAreUsed() {
        String table = Cli.uniqueTable("init-static-key");
        Cli.Run run = Cli.run(Cli.args("init", table, "--access-key-id", "AKIDLOCAL", "--secret-access-key",
                "local-secret"));
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("local-secret") || run.err().contains("local-secret"));
    }
}
