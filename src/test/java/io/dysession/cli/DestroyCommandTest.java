package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.dysession.test.DynamoDbEmulator;

class DestroyCommandTest {

    @Test
    void withoutAnAnswerNothingIsDeleted() {
        String table = Cli.uniqueTable("destroy-no-answer");
        Tables.create(table, "PK", null);
        Cli.Run run = Cli.run(Cli.localEnvironment(), "", Cli.args("destroy", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Type the table name to confirm:"), run::toString);
        assertTrue(run.err().contains("No confirmation on standard input, so DynamoDB table '" + table
                + "' (region us-east-1, endpoint " + DynamoDbEmulator.endpoint() + ") was not deleted."), run::toString);
        assertTrue(Cli.tableExists(table));
    }

    @Test
    void aWrongAnswerDeletesNothing() {
        String table = Cli.uniqueTable("destroy-wrong-answer");
        Tables.create(table, "PK", null);
        Cli.Run run = Cli.run(Cli.localEnvironment(), "yes\n", Cli.args("destroy", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("The answer is not the table name"), run::toString);
        assertTrue(Cli.tableExists(table));
    }

    @Test
    void typingTheTableNameDeletesIt() {
        String table = Cli.uniqueTable("destroy-confirmed");
        Tables.create(table, "PK", null);
        Cli.Run run = Cli.run(Cli.localEnvironment(), table + "\n", Cli.args("destroy", table));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Deleted DynamoDB table '" + table + "'"), run::toString);
        assertFalse(Cli.tableExists(table));
    }

    @Test
    void yesDeletesWithoutAsking() {
        String table = Cli.uniqueTable("destroy-yes");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        Cli.Run run = Cli.run(Cli.args("destroy", table, "--yes"));
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.err().contains("confirm"), run::toString);
        assertFalse(Cli.tableExists(table));
    }

    @Test
    void aTableWithOtherKeysIsNeverDeleted() {
        String table = Cli.uniqueTable("destroy-other-keys");
        Tables.create(table, "id", null);
        Cli.Run run = Cli.run(Cli.args("destroy", table, "--yes"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has partition key 'id' (S) but dysession is configured for 'PK' (S)"),
                run::toString);
        assertTrue(Cli.tableExists(table));
    }

    @Test
    void aMissingTableIsAFailure() {
        String table = Cli.uniqueTable("destroy-missing");
        Cli.Run run = Cli.run(Cli.args("destroy", table, "--yes"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") does not exist."), run::toString);
    }
}
