package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Help, version and usage errors: nothing here talks to DynamoDB. */
class CliUsageTest {

    @Test
    void helpListsTheFiveCommands() {
        Cli.Run run = Cli.run(Map.of(), "", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        for (String command : new String[] {"init", "destroy", "purge", "describe", "inspect"}) {
            assertTrue(run.out().matches("(?s).*\\n  " + command + " +\\S.*"), command + " listed:\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes: 0 success, 1 failure"), run::toString);
    }

    @Test
    void everyCommandHasHelpNamingEachSettingAndItsEnvironmentVariable() {
        for (String command : new String[] {"init", "destroy", "purge", "describe", "inspect"}) {
            Cli.Run run = Cli.run(Map.of(), "", command, "--help");
            assertEquals(0, run.exitCode(), run::toString);
            for (String[] setting : new String[][] {{"--table-name", "DYSESSION_TABLE_NAME"},
                    {"--partition-key", "DYSESSION_TABLE_PARTITION_KEY"}, {"--sort-key", "DYSESSION_TABLE_SORT_KEY"},
                    {"--sort-key-value", "DYSESSION_TABLE_SORT_KEY_VALUE"},
                    {"--key-prefix", "DYSESSION_TABLE_KEY_PREFIX"},
                    {"--ttl-attribute", "DYSESSION_TABLE_TTL_ATTRIBUTE"}, {"--region", "DYSESSION_DYNAMODB_REGION"},
                    {"--endpoint", "DYSESSION_DYNAMODB_ENDPOINT"},
                    {"--access-key-id", "DYSESSION_DYNAMODB_ACCESS_KEY_ID"},
                    {"--secret-access-key", "DYSESSION_DYNAMODB_SECRET_ACCESS_KEY"}}) {
                assertTrue(run.out().contains(setting[0] + "=") && run.out().contains(setting[1]),
                        command + " documents " + setting[0] + ":\n" + run.out());
            }
        }
    }

    @Test
    void versionNamesTheTool() {
        Cli.Run run = Cli.run(Map.of(), "", "--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("dysession "), run::toString);
        assertEquals(0, Cli.run(Map.of(), "", "purge", "--version").exitCode());
    }

    @Test
    void noCommandUnknownCommandAndUnknownOptionAreUsageErrors() {
        Cli.Run none = Cli.run(Map.of(), "");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("Missing command"), none::toString);
        assertEquals(2, Cli.run(Map.of(), "", "create").exitCode());
        Cli.Run unknownOption = Cli.run(Map.of(), "", "describe", "--tabel-name", "x");
        assertEquals(2, unknownOption.exitCode(), unknownOption::toString);
        assertTrue(unknownOption.err().contains("--tabel-name"), unknownOption::toString);
    }

    @Test
    void missingSessionIdIsAUsageError() {
        Cli.Run run = Cli.run(Map.of(), "", "inspect");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SESSION-ID"), run::toString);
    }

    @Test
    void aMalformedSessionIdIsAUsageErrorThatDoesNotEchoIt() {
        Cli.Run run = Cli.run(Map.of(), "", "inspect", "not-a-session-id");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SESSION-ID is not a dysession session id"), run::toString);
        assertTrue(!run.err().contains("not-a-session-id"), run::toString);
    }

    @Test
    void invalidSettingsAreUsageErrorsNamingKeyAndValue() {
        Cli.Run flag = Cli.run(Map.of(), "", "describe", "--table-name", "x");
        assertEquals(2, flag.exitCode(), flag::toString);
        assertTrue(flag.err().contains("dysession.table.name=x is not valid"), flag::toString);

        Cli.Run environment = Cli.run(Map.of("DYSESSION_DYNAMODB_ENDPOINT", "localhost:8000"), "", "describe");
        assertEquals(2, environment.exitCode(), environment::toString);
        assertTrue(environment.err().contains("dysession.dynamodb.endpoint=localhost:8000 is not valid"),
                environment::toString);

        Cli.Run halfAKey = Cli.run(Map.of(), "", "describe", "--access-key-id", "AKIDEXAMPLE");
        assertEquals(2, halfAKey.exitCode(), halfAKey::toString);
        assertTrue(halfAKey.err().contains("dysession.dynamodb.access-key-id and "
                + "dysession.dynamodb.secret-access-key go together"), halfAKey::toString);
    }

    @Test
    void provisionedBillingNeedsBothCapacities() {
        Cli.Run run = Cli.run(Map.of(), "", "init", "--provisioned", "--read-capacity", "5");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--write-capacity"), run::toString);
    }

    @Test
    void segmentsOutOfRangeAreAUsageError() {
        Cli.Run run = Cli.run(Map.of(), "", "purge", "--segments", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--segments must be between 1 and 64"), run::toString);
    }
}
