package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/** {@code init} creates the caller index, and adds it to an existing table; {@code describe} reports it. */
class CallerIndexCliTest {

    @Test
    void initAddsTheIndexToAnExistingTableAndDescribeReportsIt() {
        String table = Cli.uniqueTable("caller-index");
        Tables.create(table, "PK", null);

        Cli.Run missing = Cli.run(Cli.args("describe", table));
        assertTrue(missing.out().contains("Caller index:     'caller-index' MISSING (DySessionRegistry and "
                + "dysession.login.max-sessions need it: run 'dysession init')"), missing::toString);

        Cli.Run init = Cli.run(Cli.args("init", table));
        assertEquals(0, init.exitCode(), init::toString);
        assertTrue(init.out().contains("Added the index 'caller-index' (logged-in sessions by caller)"),
                init::toString);
        assertEquals(List.of("caller-index"), indexes(table));

        Cli.Run again = Cli.run(Cli.args("init", table));
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(!again.out().contains("Added the index"), "only once: " + again);
        assertTrue(Cli.run(Cli.args("describe", table)).out().contains("Caller index:     'caller-index' ACTIVE"));
    }

    @Test
    void initCreatesATableWithTheIndexNamedByTheFlag() {
        String table = Cli.uniqueTable("caller-index-named");
        Cli.Run init = Cli.run(Cli.args("init", table, "--caller-index", "by-caller"));
        assertEquals(0, init.exitCode(), init::toString);
        assertTrue(init.out().contains("index 'by-caller'. It is ACTIVE."), init::toString);
        assertEquals(List.of("by-caller"), indexes(table));
    }

    private static List<String> indexes(String table) {
        return DynamoDbEmulator.client().describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes()
                .stream().map(GlobalSecondaryIndexDescription::indexName).toList();
    }
}
